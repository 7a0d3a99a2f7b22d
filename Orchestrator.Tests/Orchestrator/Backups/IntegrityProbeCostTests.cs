using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

/// <summary>An integrity probe copies a data path out again only when its fingerprint moved, never on every interval.</summary>
public sealed class IntegrityProbeCostTests : IDisposable
{
    private const string Container = "drills-test-streams-probe";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-probe-" + Guid.NewGuid().ToString("N"));
    private readonly FakeContainerRuntime _runtime = new();
    private readonly DataPaths _data;
    private readonly string _id;

    public IntegrityProbeCostTests()
    {
        _data = new DataPaths(_runtime, new SnapshotStore(_folder));
        _id = _runtime.Add(Container, new Dictionary<string, string>()).Id;
        _runtime.FilesOf(Container)["/srv/www/index.html"] = Encoding.UTF8.GetBytes("home");
        _runtime.FilesOf(Container)["/srv/www/a.css"] = Encoding.UTF8.GetBytes("body{}");
    }

    [Fact]
    public async Task Twenty_probes_of_an_unchanged_path_copy_it_out_only_at_baseline()
    {
        var baseline = await _data.TakeBaselineAsync("run-1", _id, ["/srv/www"], CancellationToken.None);

        for (var probe = 0; probe < 20; probe++)
        {
            Assert.True((await _data.ReadManifestAsync(_id, ["/srv/www"], CancellationToken.None)).CompareTo(baseline.Manifest).Matches);
        }

        Assert.Equal(1, _runtime.ArchiveReads);
    }

    [Fact]
    public async Task A_changed_file_moves_the_fingerprint_so_the_next_probe_reads_the_path_and_sees_it()
    {
        var baseline = await _data.TakeBaselineAsync("run-1", _id, ["/srv/www"], CancellationToken.None);
        await _data.ReadManifestAsync(_id, ["/srv/www"], CancellationToken.None);

        _runtime.FilesOf(Container)["/srv/www/index.html"] = Encoding.UTF8.GetBytes("HACK");
        var changed = (await _data.ReadManifestAsync(_id, ["/srv/www"], CancellationToken.None)).CompareTo(baseline.Manifest);
        var again = (await _data.ReadManifestAsync(_id, ["/srv/www"], CancellationToken.None)).CompareTo(baseline.Manifest);

        Assert.Equal(["/srv/www/index.html"], changed.Changed);
        Assert.False(again.Matches);
        Assert.Equal(2, _runtime.ArchiveReads);
    }

    [Fact]
    public async Task Without_a_trustworthy_fingerprint_every_probe_reads_the_path()
    {
        // busybox's find has no -printf: the listing fails, so nothing is cached.
        _runtime.ExecHook = (_, argv) => argv.Contains("drills-fingerprint") ? new ExecResult(1, "", "find: unrecognized: -printf") : null;
        await _data.TakeBaselineAsync("run-1", _id, ["/srv/www"], CancellationToken.None);

        for (var probe = 0; probe < 3; probe++)
        {
            await _data.ReadManifestAsync(_id, ["/srv/www"], CancellationToken.None);
        }

        Assert.Equal(4, _runtime.ArchiveReads);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
