using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>One attack-and-restore drill against one system.</summary>
internal sealed record ScenarioDefinition(
    string Id,
    string Title,
    string SystemId,
    string? Technique,
    string? Schedule,
    IReadOnlyList<string> Blackout,
    IReadOnlyList<StepDefinition> Attack,
    IReadOnlyList<StepDefinition> Restore,
    IReadOnlyList<VerifyItem> Verify,
    TimeSpan MaxDuration,
    TimeSpan ProbeInterval,
    SourceLocation Location)
{
    /// <summary>Where the <c>schedule</c> value was written, so a schedule that can never fire is pointed at there.</summary>
    public SourceLocation ScheduleLocation { get; init; } = Location;

    /// <summary>Who takes part in the drill (Decree 331/2026 asks drill records to name them); run adds --participant names.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>What the drill sets out to show, beyond recovery within target; empty when not written.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>
    /// Take a regular backup this long before the attack while the canary keeps writing, so the attack loses what
    /// came after it; null: the drill restores from backups taken on the agency's schedule.
    /// </summary>
    public TimeSpan? BackupBefore { get; init; }
}
