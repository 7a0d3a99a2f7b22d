namespace Drills.Scenarios.RunRecords;

/// <summary>What one attack or restore step did. <see cref="Manual"/> is set for manual steps only.</summary>
internal sealed record StepResult(
    string Phase,
    int Index,
    string Kind,
    string Description,
    bool Succeeded,
    TimeSpan StartedAt,
    TimeSpan Duration,
    string Observation,
    ManualOutcome? Manual = null)
{
    /// <summary>The observation of a step the drill's abort cut short: it did not fail, it was stopped.</summary>
    public const string InterruptedObservation = "interrupted";

    [System.Text.Json.Serialization.JsonIgnore]
    public bool WasInterrupted => !Succeeded && Observation == InterruptedObservation;
}
