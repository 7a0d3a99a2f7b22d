namespace Drills.Scenarios.Runs;

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
    ManualOutcome? Manual = null);
