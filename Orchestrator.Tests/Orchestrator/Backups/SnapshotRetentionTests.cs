using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

public sealed class SnapshotRetentionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("drills-snapshots-").FullName;

    [Fact]
    public void Pruned_runs_lose_their_archives_but_keep_their_checksums_and_other_folders_are_left_alone()
    {
        foreach (var run in new[] { "old", "unknown" })
        {
            Directory.CreateDirectory(Path.Combine(_root, run));
            File.WriteAllText(Path.Combine(_root, run, "00-srv_www.tar"), "tar");
            File.WriteAllText(Path.Combine(_root, run, "baseline.json"), "{}");
        }

        var pruned = SnapshotRetention.Prune(_root, ["old", "gone"]);

        Assert.Equal(1, pruned);
        Assert.False(File.Exists(Path.Combine(_root, "old", "00-srv_www.tar")));
        Assert.True(File.Exists(Path.Combine(_root, "old", "baseline.json")));
        Assert.True(File.Exists(Path.Combine(_root, "unknown", "00-srv_www.tar")));
    }

    [Fact]
    public void Only_finished_runs_of_the_system_past_the_newest_kept_and_not_awaiting_repair_are_prunable()
    {
        RunRecord Run(string id, RunOutcome outcome, string system = "citizen-portal", bool rolledBack = false, bool verified = true) =>
            SampleRuns.Passed() with { RunId = id, Outcome = outcome, SystemId = system, RolledBack = rolledBack, VerificationPassed = verified };
        var newestFirst = new[]
        {
            Run("newest", RunOutcome.Passed),
            Run("running", RunOutcome.Running),
            Run("skipped", RunOutcome.Skipped),
            Run("other-system", RunOutcome.Passed, system: "citizen-records"),
            Run("passed", RunOutcome.Passed),
            Run("rolled-back", RunOutcome.Aborted, rolledBack: true, verified: false),
            Run("needs-repair", RunOutcome.Aborted, rolledBack: false, verified: false),
        };

        var prunable = SnapshotRetention.Prunable(newestFirst, "citizen-portal", keep: 1);

        Assert.Equal(["passed", "rolled-back"], prunable);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
