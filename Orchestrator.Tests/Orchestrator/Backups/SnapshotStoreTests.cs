using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-snap-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Snapshot_reads_back_exactly_what_was_saved()
    {
        var tar = Tars.Of(Tars.Folder("www"), Tars.File("www/index.html", "home")).ToArray();
        var (snapshot, _) = await SaveAsync(0, "/srv/www", tar);

        await using var read = await SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(tar, copy.ToArray());
        Assert.Equal(tar.Length, snapshot.Bytes);
    }

    [Fact]
    public async Task Saving_reads_the_manifest_from_the_same_pass_over_the_archive()
    {
        var (_, manifest) = await SaveAsync(0, "/srv/www", Tars.Of(Tars.Folder("www"), Tars.File("www/index.html", "home")).ToArray());

        Assert.Equal(["/srv/www", "/srv/www/index.html"], manifest.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Snapshot_is_renamed_into_place_private_and_leaves_no_temporary_file()
    {
        var (snapshot, _) = await SaveAsync(0, "/srv/www", Tars.Of(Tars.File("www/a", "x")).ToArray());

        Assert.Equal([snapshot.File], Directory.GetFiles(Path.GetDirectoryName(snapshot.File)!).Where(f => !f.EndsWith("baseline.json", StringComparison.Ordinal)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(snapshot.File));
    }

    [Fact]
    public async Task A_failed_save_leaves_no_temporary_file_behind()
    {
        var store = new SnapshotStore(_folder);

        var cut = Tars.Of(Tars.File("www/a", new string('x', 10_000))).ToArray()[..3000];

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync("run-1", 0, "/srv/www", new MemoryStream(cut), CancellationToken.None));

        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "run-1"), "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public async Task Snapshot_altered_after_baseline_is_refused_before_use()
    {
        var (snapshot, _) = await SaveAsync(0, "/srv/www", Tars.Of(Tars.File("www/a", "x")).ToArray());
        var bytes = await File.ReadAllBytesAsync(snapshot.File);
        bytes[600] ^= 1;
        await File.WriteAllBytesAsync(snapshot.File, bytes);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None));

        Assert.Contains("checksum", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_replaced_by_a_link_is_refused_instead_of_followed()
    {
        var (snapshot, _) = await SaveAsync(0, "/srv/www", Tars.Of(Tars.File("www/a", "x")).ToArray());
        var elsewhere = Path.Combine(_folder, "elsewhere.tar");
        File.Move(snapshot.File, elsewhere);
        File.CreateSymbolicLink(snapshot.File, elsewhere);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None));

        Assert.Contains("symbolic link", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_snapshot_is_refused_with_its_path()
    {
        var (snapshot, _) = await SaveAsync(0, "/srv/www", Tars.Of(Tars.File("www/a", "x")).ToArray());
        File.Delete(snapshot.File);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => SnapshotStore.OpenVerifiedAsync(snapshot, CancellationToken.None));

        Assert.Contains(snapshot.File, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paths_that_differ_only_in_punctuation_get_separate_files()
    {
        var firstTar = Tars.Of(Tars.File("www/a", "1")).ToArray();
        var (first, _) = await SaveAsync(0, "/srv/www", firstTar);
        var (second, _) = await SaveAsync(1, "/srv-www", Tars.Of(Tars.File("srv-www/a", "2")).ToArray());

        Assert.NotEqual(first.File, second.File);
        Assert.Equal(firstTar, await File.ReadAllBytesAsync(first.File));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<(Snapshot Snapshot, Drills.Orchestrator.Integrity.DataManifest Manifest)> SaveAsync(int index, string dataPath, byte[] tar) =>
        new SnapshotStore(_folder).SaveAsync("run-1", index, dataPath, new MemoryStream(tar), CancellationToken.None);
}
