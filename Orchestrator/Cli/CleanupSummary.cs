using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary><c>cleanup</c> in --json: what the scan after the run found and what it removed, exactly these two lists.</summary>
internal sealed record CleanupSummary(IReadOnlyList<string> Found, IReadOnlyList<string> Removed)
{
    public static CleanupSummary? Of(Cleanup? cleanup) => cleanup is null ? null : new(cleanup.Found, cleanup.Removed);
}
