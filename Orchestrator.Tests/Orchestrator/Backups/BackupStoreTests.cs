using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BackupStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "drills-backups-" + Guid.NewGuid().ToString("N"));
    private readonly FakeContainerRuntime _runtime = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly string _container;

    public BackupStoreTests()
    {
        _container = _runtime.Add(TestCatalogues.PortalName, TargetLabels.For("portal")).Id;
        _runtime.FilesOf(TestCatalogues.PortalName)["/srv/www/index.html"] = "home"u8.ToArray();
    }

    private string Online => Path.Combine(_folder, "backups");

    private string Offline => Path.Combine(_folder, "offline");

    private BackupStore Store() => new(Online, Offline, _time, Serilog.Core.Logger.None);

    private static SystemDefinition Files(int? keep = null) => TestCatalogues.Portal() with
    {
        Backup = new BackupSpec(BackupMethod.Files, [], [], null, keep, null, SourceLocation.None),
    };

    private static SystemDefinition Exec() => TestCatalogues.Portal() with
    {
        Backup = new BackupSpec(BackupMethod.Exec, ["pg_dump", "-Fc", "records"], ["pg_restore", "-d", "records"], null, null, null, SourceLocation.None),
    };

    private async Task<AgencyBackup> TakeAsync(BackupStore store, SystemDefinition system, string? runId = null)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        return await store.TakeAsync(system, _runtime, _container, runId, CancellationToken.None);
    }

    private static void Flip(string copyRoot, AgencyBackup backup)
    {
        var file = Directory.GetFiles(Path.Combine(copyRoot, backup.SystemId, backup.Id)).First(f => !f.EndsWith(BackupManifest.FileName, StringComparison.Ordinal));
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(file, bytes);
    }

    [Fact]
    public async Task A_files_backup_is_listed_with_an_online_and_an_offline_copy_that_both_verify()
    {
        var store = Store();

        var backup = await TakeAsync(store, Files());

        var listed = Assert.Single(store.List("portal"));
        Assert.Equal(backup.Id, listed.Id);
        Assert.Equal(["online", "offline"], listed.Copies);
        Assert.Equal(_time.GetUtcNow(), listed.TakenAtUtc);
        foreach (var copy in listed.Copies)
        {
            using var verified = await store.OpenAsync(listed, copy, _runtime, _container, CancellationToken.None);
            Assert.Equal("/srv/www", Assert.Single(verified.Files).DataPath);
        }
    }

    [Fact]
    public async Task Every_folder_and_file_of_a_backup_is_private()
    {
        var backup = await TakeAsync(Store(), Files());

        foreach (var root in new[] { Online, Offline })
        {
            var folder = Path.Combine(root, "portal", backup.Id);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.All(Directory.GetFiles(folder), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        }
    }

    [Fact]
    public async Task A_half_written_backup_is_never_listed()
    {
        var store = Store();
        var backup = await TakeAsync(store, Files());
        var system = Path.Combine(Online, "portal");
        // A crash mid-write leaves the hidden temporary folder (even with a manifest in it), or a folder without a manifest.
        Directory.Move(Path.Combine(system, backup.Id), Path.Combine(system, $".{backup.Id}.0123456789abcdef.tmp"));
        Directory.Delete(Path.Combine(Offline, "portal", backup.Id), recursive: true);
        Directory.CreateDirectory(Path.Combine(system, "20261201-090000-0badf00d"));

        Assert.Empty(store.List("portal"));
        Assert.Null(await store.NewestIntactAsync(Files(), _runtime, _container, CancellationToken.None));
    }

    [Fact]
    public async Task One_flipped_byte_in_the_online_copy_is_refused_naming_the_backup_while_its_offline_copy_still_opens()
    {
        var store = Store();
        var backup = await TakeAsync(store, Files());
        Flip(Online, backup);

        var refused = await Assert.ThrowsAsync<BackupCorruptException>(() => store.OpenAsync(backup, "online", _runtime, _container, CancellationToken.None));
        using var offline = await store.OpenAsync(backup, "offline", _runtime, _container, CancellationToken.None);

        Assert.Contains(backup.Id, refused.Problem, StringComparison.Ordinal);
        Assert.Contains("checksum does not match", refused.Problem, StringComparison.Ordinal);
        Assert.Equal("offline", offline.Copy);
    }

    [Fact]
    public async Task The_newest_intact_backup_skips_newer_ones_whose_copies_both_fail()
    {
        var store = Store();
        var older = await TakeAsync(store, Files());
        var newer = await TakeAsync(store, Files());
        Flip(Online, newer);
        Flip(Offline, newer);

        var intact = await store.NewestIntactAsync(Files(), _runtime, _container, CancellationToken.None);

        Assert.Equal(older.Id, intact?.Id);
    }

    [Fact]
    public async Task Retention_keeps_the_newest_N()
    {
        var store = Store();
        var oldest = await TakeAsync(store, Files(keep: 2));
        var middle = await TakeAsync(store, Files(keep: 2));
        var newest = await TakeAsync(store, Files(keep: 2));

        Assert.Equal([newest.Id, middle.Id], store.List("portal").Select(b => b.Id));
        Assert.False(Directory.Exists(Path.Combine(Offline, "portal", oldest.Id)));
    }

    [Fact]
    public async Task Retention_never_prunes_the_newest_intact_backup_however_old()
    {
        var store = Store();
        var intact = await TakeAsync(store, Files());
        var broken = await TakeAsync(store, Files());
        var newest = await TakeAsync(store, Files());
        foreach (var backup in new[] { broken, newest })
        {
            Flip(Online, backup);
            Flip(Offline, backup);
        }

        var pruned = await new BackupRetention(store, store.Layout, Serilog.Core.Logger.None).PruneAsync(Files(keep: 1), _runtime, _container, CancellationToken.None);

        Assert.Equal([broken.Id], pruned);
        Assert.Equal([newest.Id, intact.Id], store.List("portal").Select(b => b.Id));
    }

    [Fact]
    public async Task Retention_never_prunes_a_backup_a_running_drill_holds_until_the_drill_releases_it()
    {
        var store = Store();
        var held = await TakeAsync(store, Files(keep: 1), runId: "run-1");
        await TakeAsync(store, Files(keep: 1));
        Assert.Contains(held.Id, store.List("portal").Select(b => b.Id));

        store.Release("run-1");
        var newest = await TakeAsync(store, Files(keep: 1));

        Assert.Equal([newest.Id], store.List("portal").Select(b => b.Id));
    }

    [Fact]
    public async Task Retention_in_another_store_of_the_same_folder_also_spares_a_held_backup()
    {
        var drill = Store();
        var held = await TakeAsync(drill, Files());
        drill.Hold(held, "run-2");

        await TakeAsync(Store(), Files(keep: 1));

        Assert.Contains(held.Id, Store().List("portal").Select(b => b.Id));
    }

    [Fact]
    public async Task An_exec_backup_is_the_dump_commands_stdout()
    {
        var dump = Encoding.UTF8.GetBytes("PGDMP custom archive");
        _runtime.StreamHook = (_, command, _) => command[0] == "pg_dump" ? (dump, 0, "") : null;
        var store = Store();

        var backup = await TakeAsync(store, Exec());

        using var verified = await store.OpenAsync(backup, "offline", _runtime, _container, CancellationToken.None);
        Assert.Equal(dump, await File.ReadAllBytesAsync(Assert.Single(verified.Files).File));
        Assert.Equal(BackupMethod.Exec, backup.Method);
    }

    [Fact]
    public async Task A_failed_dump_names_the_system_the_command_and_its_stderr_and_keeps_nothing()
    {
        _runtime.StreamHook = (_, _, _) => ("partial"u8.ToArray(), 1, "pg_dump: error: connection refused");
        var store = Store();

        var failed = await Assert.ThrowsAsync<BackupCommandException>(() => TakeAsync(store, Exec()));

        Assert.Contains("portal", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("pg_dump -Fc records", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("connection refused", failed.Problem, StringComparison.Ordinal);
        Assert.Empty(store.List("portal"));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Online, "portal")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Offline, "portal")));
    }

    [Fact]
    public async Task A_load_is_fed_the_verified_dump_on_stdin()
    {
        var dump = Encoding.UTF8.GetBytes("PGDMP custom archive");
        byte[]? fed = null;
        _runtime.StreamHook = (_, command, input) => command[0] == "pg_dump" ? (dump, 0, "") : ([], 0, (fed = input) is null ? "" : "");
        var store = Store();
        var backup = await TakeAsync(store, Exec());
        using var verified = await store.OpenAsync(backup, "online", _runtime, _container, CancellationToken.None);

        await ExecBackup.LoadAsync(_runtime, _container, Exec(), verified.Files[0], CancellationToken.None);

        Assert.Equal(dump, fed);
    }

    [Fact]
    public async Task A_failed_load_names_the_system_the_command_and_its_stderr()
    {
        _runtime.StreamHook = (_, command, _) => command[0] == "pg_dump" ? ("PGDMP"u8.ToArray(), 0, "") : ([], 1, "pg_restore: error: input file is too short");
        var store = Store();
        var backup = await TakeAsync(store, Exec());
        using var verified = await store.OpenAsync(backup, "online", _runtime, _container, CancellationToken.None);

        var failed = await Assert.ThrowsAsync<BackupCommandException>(() => ExecBackup.LoadAsync(_runtime, _container, Exec(), verified.Files[0], CancellationToken.None));

        Assert.Contains("portal", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("pg_restore -d records", failed.Problem, StringComparison.Ordinal);
        Assert.Contains("input file is too short", failed.Problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
