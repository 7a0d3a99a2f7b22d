using Drills.Reports.Files;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>Hidden temporary files a crash left behind go at the next start; nothing else in the data directory is touched.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LeftoverTemporariesTests : IDisposable
{
    private static readonly DateTime Started = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "drills-leftovers-" + Guid.NewGuid().ToString("N"));

    public LeftoverTemporariesTests() => Directory.CreateDirectory(Path.Combine(_root, "snapshots", "run-1"));

    [Fact]
    public void A_temporary_snapshot_older_than_the_process_is_removed()
    {
        var leftover = Old(Path.Combine(_root, "snapshots", "run-1", ".00-srv_www.tar.0123456789abcdef.tmp"));

        var removed = LeftoverTemporaries.Remove(_root, Started);

        Assert.Equal([leftover], removed);
        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public void A_half_written_backup_folder_older_than_the_process_is_removed_whole()
    {
        var folder = Path.Combine(_root, "backups", "portal", ".20261201-080000-a1b2c3d4.0123456789abcdef.tmp");
        Directory.CreateDirectory(folder);
        Old(Path.Combine(folder, "00-srv_www.tar"));
        Directory.SetLastWriteTimeUtc(folder, Started.AddHours(-1));

        var removed = LeftoverTemporaries.Remove(_root, Started);

        Assert.Equal([folder], removed);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void A_backup_folder_with_a_file_still_being_written_is_kept()
    {
        var folder = Path.Combine(_root, "backups", "portal", ".20261201-080000-a1b2c3d4.0123456789abcdef.tmp");
        Directory.CreateDirectory(folder);
        using var writing = PrivateFiles.CreateNew(Path.Combine(folder, "dump.bin"));
        File.SetLastWriteTimeUtc(Path.Combine(folder, "dump.bin"), Started.AddHours(-1));
        Directory.SetLastWriteTimeUtc(folder, Started.AddHours(-1));

        Assert.Empty(LeftoverTemporaries.Remove(_root, Started));
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void A_temporary_file_written_since_the_process_started_is_kept()
    {
        var fresh = Path.Combine(_root, ".drills.db.0123456789abcdef.tmp");
        File.WriteAllText(fresh, "x");
        File.SetLastWriteTimeUtc(fresh, Started.AddSeconds(1));

        Assert.Empty(LeftoverTemporaries.Remove(_root, Started));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public void Files_of_other_names_are_kept_however_old()
    {
        string[] others =
        [
            Old(Path.Combine(_root, "snapshots", "run-1", "00-srv_www.tar")),
            Old(Path.Combine(_root, "snapshots", "run-1", "baseline.json")),
            Old(Path.Combine(_root, ".hidden.tmp")),
            Old(Path.Combine(_root, "notes.0123456789abcdef.tmp")),
            Old(Path.Combine(_root, ".drills.db.0123456789ABCDEF.tmp")),
            Old(Path.Combine(_root, "drills.db-journal")),
        ];

        Assert.Empty(LeftoverTemporaries.Remove(_root, Started));
        Assert.All(others, f => Assert.True(File.Exists(f), f));
    }

    [Fact]
    public void A_link_with_a_temporary_name_is_neither_followed_nor_removed()
    {
        var outside = Old(Path.Combine(Path.GetTempPath(), "drills-leftovers-target-" + Guid.NewGuid().ToString("N")));
        var link = Path.Combine(_root, ".drills.db.0123456789abcdef.tmp");
        File.CreateSymbolicLink(link, outside);
        try
        {
            Assert.Empty(LeftoverTemporaries.Remove(_root, Started));
            Assert.True(File.Exists(outside));
            Assert.NotNull(new FileInfo(link).LinkTarget);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_temporary_file_another_process_still_writes_is_kept()
    {
        var writing = Path.Combine(_root, "snapshots", "run-1", ".00-srv_www.tar.0123456789abcdef.tmp");
        using var writer = PrivateFiles.CreateNew(writing);
        File.SetLastWriteTimeUtc(writing, Started.AddHours(-1));

        Assert.Empty(LeftoverTemporaries.Remove(_root, Started));
        Assert.True(File.Exists(writing));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Old(string path)
    {
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, Started.AddHours(-1));
        return path;
    }
}
