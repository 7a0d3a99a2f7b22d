using Drills.Scenarios.Steps;

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
    SourceLocation Location);
