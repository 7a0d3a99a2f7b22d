using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Steps;

public sealed class AttackTrailTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "drills-trail-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task A_cut_network_is_kept_until_it_is_reconnected()
    {
        var trail = new AttackTrail(new SnapshotStore(_root), "run-1");

        await trail.CutAsync(new NetworkAttachment("portal-net", ["web"], "172.30.0.5"), CancellationToken.None);
        var kept = Assert.Single(new AttackTrail(new SnapshotStore(_root), "run-1").Read().Cut);
        await trail.ReconnectedAsync("portal-net", CancellationToken.None);

        Assert.Equal(["web"], kept.Aliases);
        Assert.Equal("172.30.0.5", kept.IPv4Address);
        Assert.Empty(trail.Read().Cut);
    }

    [Fact]
    public async Task A_file_corrupted_twice_keeps_its_first_original()
    {
        var trail = new AttackTrail(new SnapshotStore(_root), "run-2");

        await trail.KeepConfigAsync("/etc/app.conf", "first"u8.ToArray(), CancellationToken.None);
        await trail.KeepConfigAsync("/etc/app.conf", "second"u8.ToArray(), CancellationToken.None);

        var config = Assert.Single(trail.Read().Configs);
        await using var kept = trail.OpenKept(config);
        using var reader = new StreamReader(kept);
        Assert.Equal("first", await reader.ReadToEndAsync());
    }

    [Fact]
    public void A_run_that_changed_nothing_has_an_empty_trail() =>
        Assert.Equal(AttackTrail.Entries.Empty, new AttackTrail(new SnapshotStore(_root), "run-3").Read());

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
