using System.Security.Cryptography;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Snapshots, restores and integrity probes of a real container's data path: a path far larger than any buffer
/// streams through drills without being held in memory, and the manifest sees modes as well as bytes.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DataPathStreamingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Image = "drills/debian:bookworm";

    /// <summary>Large next to any buffer drills uses, small enough to keep the suite quick: 400 MiB.</summary>
    private const long BigFileBytes = 400L << 20;

    private readonly string _name = "drills-test-streams-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-streams-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ArchiveReads _reads = new();
    private readonly CancellationToken _token = TestEngine.Timeout(TimeSpan.FromMinutes(5));
    private DockerContainerRuntime _runtime = null!;
    private DataPaths _data = null!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _runtime = new DockerContainerRuntime(new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(_reads).CreateLogger(), endpoint: null, TimeProvider.System);
        _data = new DataPaths(_runtime, new SnapshotStore(Path.Combine(_folder, "snapshots")));
        await TestEngine.RequireImageAsync(_runtime, Image, _token);
        var spec = new ContainerSpec(Image, _name, Ports: [], Volumes: [], Env: new Dictionary<string, string>(), Command: ["sleep", "infinity"]);
        _id = await _runtime.CreateAsync(spec, new Dictionary<string, string> { ["drills.test"] = "true" }, _token);
        await _runtime.StartAsync(_id, _token);
        await ShAsync("mkdir -p /data/sub && echo khôi phục > /data/sub/a.txt && chown 33:33 /data/sub && ln -s sub/a.txt /data/latest");
    }

    [Fact]
    public async Task A_data_path_larger_than_any_buffer_snapshots_and_restores_byte_identical_without_being_held_in_memory()
    {
        await ShAsync($"head -c {BigFileBytes} /dev/urandom > /data/big.bin");
        var inside = (await ShAsync("sha256sum /data/big.bin")).Split(' ')[0];

        var (baseline, allocated) = await MeasureAsync(() => _data.TakeBaselineAsync("run-1", _id, ["/data"], _token));
        await ShAsync("head -c 1024 /dev/zero > /data/big.bin && rm -rf /data/sub /data/latest && echo note > /data/README");
        var (_, restoreAllocated) = await MeasureAsync(() => _data.RestoreAsync(_id, baseline, _token));

        output.WriteLine($"{BigFileBytes >> 20} MiB file: snapshot allocated {allocated >> 20} MiB, restore {restoreAllocated >> 20} MiB");
        var snapshot = Assert.Single(baseline.Snapshots);
        Assert.True(snapshot.Bytes > BigFileBytes, $"snapshot holds {snapshot.Bytes} bytes");
        await using (var file = File.OpenRead(snapshot.File))
        {
            Assert.Equal(snapshot.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(file, _token)));
        }

        Assert.EndsWith(" " + inside, baseline.Manifest.Files["/data/big.bin"], StringComparison.Ordinal);
        Assert.Equal(inside, (await ShAsync("sha256sum /data/big.bin")).Split(' ')[0]);
        var after = (await _data.ReadManifestAsync(_id, ["/data"], _token)).CompareTo(baseline.Manifest);
        Assert.True(after.Matches, after.Describe());
        // Buffered whole, each would allocate the file's size or more (a growing MemoryStream: twice); streamed, a small fraction.
        Assert.True(allocated < BigFileBytes / 4, $"taking the snapshot allocated {allocated >> 20} MiB for a {BigFileBytes >> 20} MiB file");
        Assert.True(restoreAllocated < BigFileBytes / 4, $"restoring allocated {restoreAllocated >> 20} MiB for a {BigFileBytes >> 20} MiB file");
    }

    [Fact]
    public async Task Probes_of_an_unchanged_path_reuse_the_manifest_and_a_chmod_after_baseline_fails_integrity_naming_the_path_and_mode()
    {
        var baseline = await _data.TakeBaselineAsync("run-1", _id, ["/data"], _token);
        // An entry changed in the last two seconds is not trusted to a fingerprint; wait until the listing is settled.
        await TestEngine.EventuallyAsync("the data path's fingerprint is settled", TimeSpan.FromSeconds(30),
            async () => DataFingerprint.Of(await _runtime.ExecAsync(_id, DataFingerprint.Command("/data"), _token)) is not null, _token);
        var before = _reads.Count;

        for (var probe = 0; probe < 5; probe++)
        {
            var comparison = (await _data.ReadManifestAsync(_id, ["/data"], _token)).CompareTo(baseline.Manifest);
            Assert.True(comparison.Matches, comparison.Describe());
        }

        var copies = _reads.Count - before;
        await ShAsync("chmod 600 /data/sub/a.txt");
        var changed = (await _data.ReadManifestAsync(_id, ["/data"], _token)).CompareTo(baseline.Manifest);

        Assert.Equal(1, copies);
        Assert.False(changed.Matches);
        Assert.Equal(["/data/sub/a.txt"], changed.Changed);
        Assert.Contains("/data/sub/a.txt (mode 0644 → 0600)", changed.Describe(), StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await TestEngine.RemoveIfPresentAsync(_runtime, _name);
        _runtime.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The bytes the process allocated while <paramref name="action"/> ran (every thread's: this collection runs alone).</summary>
    private static async Task<(T Result, long Allocated)> MeasureAsync<T>(Func<Task<T>> action)
    {
        GC.Collect();
        var start = GC.GetTotalAllocatedBytes(precise: true);
        var result = await action();
        return (result, GC.GetTotalAllocatedBytes(precise: true) - start);
    }

    private async Task<string> ShAsync(string script)
    {
        var result = await _runtime.ExecAsync(_id, ["sh", "-c", script], _token);
        Assert.True(result.Succeeded, $"{script}: exit {result.ExitCode}: {result.Stderr}");
        return result.Stdout;
    }

    /// <summary>Counts the archives the runtime copied out, from its own log of each.</summary>
    private sealed class ArchiveReads : ILogEventSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.MessageTemplate.Text.StartsWith("Read {Path} out of", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
