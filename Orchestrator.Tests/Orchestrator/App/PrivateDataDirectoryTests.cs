using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Reports;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

/// <summary>
/// The data directory holds snapshots of citizen records: everything drills writes there is its user's alone.
/// One class, so its tests (one of which loosens the process's umask) never run beside each other.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class PrivateDataDirectoryTests : IDisposable
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _folder = Directory.CreateTempSubdirectory("drills-private-").FullName;

    private string Root => Path.Combine(_folder, "data");

    [Fact]
    public async Task Every_folder_and_file_drills_writes_is_readable_by_its_user_only()
    {
        using (var services = new AppServices(new AppOptions(Root, Verbose: false, Service: false, TimeProvider.System)))
        {
            await WriteEverythingAsync(services);
            services.Log.Warning("A line for the log file");
        }

        SqliteConnection.ClearAllPools();
        var everything = Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Append(Root).ToList();
        var open = everything.Where(p => (File.GetUnixFileMode(p) & GroupAndOthers) != 0)
            .Select(p => $"{p} {Convert.ToString((int)File.GetUnixFileMode(p), 8)}");

        Assert.Empty(open);
        // The walk saw every kind of file drills writes.
        Assert.Contains(everything, p => p.EndsWith("drills.db", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith(".clef", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith(".tar", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith("baseline.json", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith(".html", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith("serve.lock.holder", StringComparison.Ordinal));
        Assert.Contains(everything, p => p.EndsWith("portal.lock", StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_drills_writes_itself_is_private_even_under_a_permissive_umask()
    {
        var previous = Umask(0x12); // octal 022, a common default
        try
        {
            var data = DataDirectory.Resolve(Root, TextWriter.Null);
            var run = SampleRuns.Passed() with { RunId = "20261122-190000-0123456789abcdef" };
            var snapshots = new SnapshotStore(data.Snapshots);
            await snapshots.SaveAsync(run.RunId, 0, "/srv/www", Tars.Of(Tars.File("www/a", "x")), CancellationToken.None);
            await snapshots.SaveBaselineAsync(run.RunId, BaselineBackup.None, CancellationToken.None);
            await new global::Drills.Reports.AfterAction.ReportWriter().WriteAsync(run, SampleRuns.Context, data.Reports, CancellationToken.None);
            using (new SystemLocks(data.Locks).TryAcquire("portal", run.RunId))
            {
            }

            new global::Drills.Orchestrator.Runs.SqliteRunStore(data.Database).Begin(run);
        }
        finally
        {
            _ = Umask(previous);
        }

        SqliteConnection.ClearAllPools();
        var open = Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories).Append(Root)
            .Where(p => !p.EndsWith("-wal", StringComparison.Ordinal) && !p.EndsWith("-shm", StringComparison.Ordinal))
            .Where(p => (File.GetUnixFileMode(p) & GroupAndOthers) != 0);
        Assert.Empty(open);
    }

    [Fact]
    public void A_data_directory_others_can_write_to_is_refused()
    {
        Directory.CreateDirectory(Root);
        File.SetUnixFileMode(Root, (UnixFileMode)0x1FF); // 0777

        var refused = Assert.Throws<CliException>(() => DataDirectory.Resolve(Root, TextWriter.Null));

        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("0777", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_data_directory_others_can_read_is_warned_about_and_left_as_chosen()
    {
        Directory.CreateDirectory(Root);
        File.SetUnixFileMode(Root, (UnixFileMode)0x1ED); // 0755
        var warnings = new StringWriter();

        var data = DataDirectory.Resolve(Root, warnings);

        Assert.Contains("can be read by other users (mode 0755)", warnings.ToString(), StringComparison.Ordinal);
        Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(Root));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data.Snapshots));
    }

    [Fact]
    public async Task Links_planted_where_drills_writes_are_never_written_through()
    {
        var data = DataDirectory.Resolve(Root, TextWriter.Null);
        var run = SampleRuns.Passed() with { RunId = "20261122-190000-0123456789abcdef" };
        var outside = Path.Combine(_folder, "outside.txt");
        await File.WriteAllTextAsync(outside, "untouched");
        var runFolder = Path.Combine(data.Snapshots, run.RunId);
        Directory.CreateDirectory(runFolder);
        string[] planted =
        [
            Path.Combine(runFolder, "baseline.json"),
            Path.Combine(runFolder, "baseline.json.tmp"),        // the temporary names earlier versions used
            Path.Combine(data.Reports, run.RunId + ".html"),
            Path.Combine(data.Reports, run.RunId + ".html.partial"),
            Path.Combine(data.Locks, "portal.lock.holder"),
        ];
        foreach (var link in planted)
        {
            File.CreateSymbolicLink(link, outside);
        }

        File.CreateSymbolicLink(Path.Combine(runFolder, "00-srv_www.tar"), outside);
        File.CreateSymbolicLink(Path.Combine(data.Locks, "records.lock"), outside);

        var snapshots = new SnapshotStore(data.Snapshots);
        await Assert.ThrowsAsync<SnapshotWriteException>(() => snapshots.SaveAsync(run.RunId, 0, "/srv/www", Tars.Of(Tars.File("www/a", "x")), CancellationToken.None));
        await snapshots.SaveBaselineAsync(run.RunId, BaselineBackup.None, CancellationToken.None);
        await new global::Drills.Reports.AfterAction.ReportWriter().WriteAsync(run, SampleRuns.Context, data.Reports, CancellationToken.None);
        using (new SystemLocks(data.Locks).TryAcquire("portal", run.RunId))
        {
        }

        Assert.Throws<UnauthorizedAccessException>(() => new SystemLocks(data.Locks).TryAcquire("records", run.RunId));

        Assert.Equal("untouched", await File.ReadAllTextAsync(outside));
        Assert.All(planted.Where(p => !p.EndsWith("tmp", StringComparison.Ordinal) && !p.EndsWith("partial", StringComparison.Ordinal)),
            path => Assert.Null(new FileInfo(path).LinkTarget));
    }

    private static async Task WriteEverythingAsync(AppServices services)
    {
        var run = SampleRuns.Passed() with { RunId = "20261122-190000-0123456789abcdef", Outcome = RunOutcome.Running, Journal = [] };
        services.Store.Begin(run);
        services.Store.JournalFor(run.RunId).Append(new JournalEvent(1, JournalMark.Started, run.StartedAtUtc, TimeSpan.Zero, "started"));
        var snapshots = new SnapshotStore(services.Data.Snapshots);
        await snapshots.SaveAsync(run.RunId, 0, "/srv/www", Tars.Of(Tars.File("www/a", "records")), CancellationToken.None);
        await snapshots.SaveBaselineAsync(run.RunId, BaselineBackup.None, CancellationToken.None);
        services.Store.Complete(run with { Outcome = RunOutcome.Passed });
        await ReportPublisher.PublishAsync(services, services.Store.Find(run.RunId)!, timeZone: null, CancellationToken.None);
        using (new SystemLocks(services.Data.Locks).TryAcquire("portal", run.RunId))
        using (ServiceLock.Acquire(services.Data))
        {
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
