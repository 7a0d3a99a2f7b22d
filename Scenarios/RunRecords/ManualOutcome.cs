namespace Drills.Scenarios.RunRecords;

/// <summary>
/// How a manual restore step was settled: counted at its declared duration (simulated), or waited
/// for until an operator confirmed it, in which case the wait is part of the measured time.
/// </summary>
internal sealed record ManualOutcome(
    string Title,
    TimeSpan Expected,
    bool Simulated,
    DateTimeOffset? ConfirmedAtUtc = null,
    string? ConfirmedBy = null,
    string? Note = null)
{
    /// <summary>Time counted without being measured: a simulated step's expected duration; nothing for a waited one.</summary>
    public TimeSpan Declared => Simulated ? Expected : TimeSpan.Zero;

    /// <summary>The declared time of every simulated manual step among <paramref name="steps"/>.</summary>
    public static TimeSpan DeclaredIn(IEnumerable<StepResult> steps) =>
        steps.Aggregate(TimeSpan.Zero, (sum, step) => sum + (step.Manual?.Declared ?? TimeSpan.Zero));
}
