namespace Drills.Scenarios.Runs;

/// <summary>What one attack or restore step did.</summary>
internal sealed record StepResult(
    string Phase,
    int Index,
    string Kind,
    string Description,
    bool Succeeded,
    TimeSpan StartedAt,
    TimeSpan Duration,
    string Observation);
