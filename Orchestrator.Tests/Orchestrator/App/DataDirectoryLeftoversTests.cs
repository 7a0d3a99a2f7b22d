using Drills.Orchestrator.App;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataDirectoryLeftoversTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "drills-data-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Opening_the_data_directory_removes_the_temporary_snapshot_a_crash_left_and_keeps_the_snapshots()
    {
        var run = Path.Combine(_root, "snapshots", "20261201-090000-0123456789abcdef");
        Directory.CreateDirectory(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var leftover = Path.Combine(run, ".01-var_lib_db.tar.fedcba9876543210.tmp");
        var kept = Path.Combine(run, "00-srv_www.tar");
        foreach (var file in (string[])[leftover, kept])
        {
            File.WriteAllText(file, "x");
            File.SetLastWriteTimeUtc(file, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        DataDirectory.Resolve(_root, TextWriter.Null);

        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(kept));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
