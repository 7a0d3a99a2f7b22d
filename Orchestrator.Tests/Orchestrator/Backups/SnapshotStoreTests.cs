using Drills.Orchestrator.Backups;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-snap-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Snapshot_reads_back_exactly_what_was_saved()
    {
        var store = new SnapshotStore(_folder);
        var snapshot = await store.SaveAsync("run-1", 0, "/srv/www", new MemoryStream([1, 2, 3, 4]), CancellationToken.None);

        await using var read = await SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal([1, 2, 3, 4], copy.ToArray());
        Assert.Equal(4, snapshot.Bytes);
    }

    [Fact]
    public async Task Snapshot_altered_after_baseline_is_refused_before_use()
    {
        var store = new SnapshotStore(_folder);
        var snapshot = await store.SaveAsync("run-1", 0, "/srv/www", new MemoryStream([1, 2, 3, 4]), CancellationToken.None);
        await File.WriteAllBytesAsync(snapshot.File, [1, 2, 3, 5]);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None));

        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_snapshot_is_refused_with_its_path()
    {
        var store = new SnapshotStore(_folder);
        var snapshot = await store.SaveAsync("run-1", 0, "/srv/www", new MemoryStream([9]), CancellationToken.None);
        File.Delete(snapshot.File);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None));

        Assert.Contains(snapshot.File, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_that_differ_only_in_punctuation_get_separate_files()
    {
        var store = new SnapshotStore(_folder);
        var first = await store.SaveAsync("run-1", 0, "/srv/www", new MemoryStream([1]), CancellationToken.None);
        var second = await store.SaveAsync("run-1", 1, "/srv-www", new MemoryStream([2]), CancellationToken.None);

        Assert.NotEqual(first.File, second.File);
        Assert.Equal([1], await File.ReadAllBytesAsync(first.File));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
