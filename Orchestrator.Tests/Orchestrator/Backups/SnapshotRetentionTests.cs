using Drills.Orchestrator.Backups;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

public sealed class SnapshotRetentionTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("drills-snapshots-").FullName;

    [Fact]
    public void Older_finished_runs_lose_their_archives_but_keep_their_checksums_and_running_runs_keep_everything()
    {
        foreach (var run in new[] { "new", "running", "old" })
        {
            Directory.CreateDirectory(Path.Combine(_root, run));
            File.WriteAllText(Path.Combine(_root, run, "00-srv_www.tar"), "tar");
            File.WriteAllText(Path.Combine(_root, run, "baseline.json"), "{}");
        }

        var pruned = SnapshotRetention.Prune(_root, new HashSet<string> { "new" }, new HashSet<string> { "running" });

        Assert.Equal(1, pruned);
        Assert.False(File.Exists(Path.Combine(_root, "old", "00-srv_www.tar")));
        Assert.True(File.Exists(Path.Combine(_root, "old", "baseline.json")));
        Assert.True(File.Exists(Path.Combine(_root, "new", "00-srv_www.tar")));
        Assert.True(File.Exists(Path.Combine(_root, "running", "00-srv_www.tar")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
