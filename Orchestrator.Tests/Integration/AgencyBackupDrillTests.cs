using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// Drills restoring real agency backups of the sample portal: taken through the store onto the portal's own backup
/// share (a volume it mounts) and an offline copy, verified by checksum before use, with fallback when one is damaged.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class AgencyBackupDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-bk-portal";
    private const string Share = "drills-test-bk-portal-backups";
    private const string Data = "drills-test-bk-portal-data";
    private readonly RealDrillHarness _h = new();

    private Drills.Scenarios.Catalogue.DrillCatalogue Catalogue(string restore) => _h.Load(Portal(Name, 19100,
        Scenario("ransom", "encrypt-files: { paths: [/srv/www], note: README_RESTORE.txt }", RestoreSteps(restore, "restart: {}")),
        extraContainer: $"volumes: [\"{Data}:/srv/www\", \"{Share}:/backups\"]",
        extraSystem: "backup: { method: files, share: /backups, keep: 10 }", maxDuration: "5m"));

    [Fact]
    public async Task Files_backup_on_the_share_restores_latest_equal_to_what_was_backed_up()
    {
        var catalogue = Catalogue("restore-backup: latest");
        var store = _h.Backups();
        var backup = await _h.TakeBackupAsync(store, catalogue, "portal");
        var backedUp = await _h.ReadFilesAsync(Name, "/srv/www");

        var result = await _h.RunAsync(catalogue, "ransom", backups: store);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal([new RestoredBackup(backup.Id, backup.TakenAtUtc, "online", null)], result.Record.RestoredFrom);
        Assert.Equal(backedUp, await _h.ReadFilesAsync(Name, "/srv/www"));
        Assert.Contains("00-srv_www.tar", (await _h.ExecAsync(Name, "ls", $"/backups/{backup.Id}")).Stdout, StringComparison.Ordinal);
        Assert.Contains(result.Record.Steps, s => s.Kind == "restore-backup" && s.Observation.Contains($"agency backup {backup.Id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_flipped_byte_on_the_share_is_refused_naming_the_backup_and_fallback_uses_its_offline_copy_then_the_previous_backup()
    {
        var store = _h.Backups();
        var older = await _h.TakeBackupAsync(store, Catalogue("restore-backup: latest"), "portal");
        var newer = await _h.TakeBackupAsync(store, Catalogue("restore-backup: latest"), "portal");
        var flip = await _h.ExecAsync(Name, "sh", "-c", $"printf X | dd of=/backups/{newer.Id}/00-srv_www.tar bs=1 seek=700 conv=notrunc");
        Assert.True(flip.Succeeded, flip.Stderr);

        var refused = await _h.RunAsync(Catalogue("restore-backup: latest"), "ransom", backups: store,
            options: new DrillOptions { DetectionWindow = TimeSpan.FromSeconds(3), VerifyTimeout = TimeSpan.FromSeconds(3) });
        var step = Assert.Single(refused.Record.Steps, s => s.Kind == "restore-backup");
        Assert.False(step.Succeeded);
        Assert.Contains($"Backup {newer.Id}", step.Observation, StringComparison.Ordinal);
        Assert.Contains("checksum does not match", step.Observation, StringComparison.Ordinal);
        Assert.Empty(refused.Record.RestoredFrom);
        Assert.Equal(RunOutcome.Failed, refused.Record.Outcome);

        var offline = await _h.RunAsync(Catalogue("restore-backup: { from: latest, fallback: next-intact }"), "ransom", backups: store);
        Assert.Equal(DrillEnd.Passed, offline.End);
        var used = Assert.Single(offline.Record.RestoredFrom);
        Assert.Equal((newer.Id, "offline"), (used.BackupId, used.Copy));
        Assert.Contains($"Backup {newer.Id}", used.Fallback, StringComparison.Ordinal);

        var offlineFile = Path.Combine(_h.Folder, "offline", "portal", newer.Id, "00-srv_www.tar");
        var bytes = await File.ReadAllBytesAsync(offlineFile);
        bytes[700] ^= 0x01;
        await File.WriteAllBytesAsync(offlineFile, bytes);
        var previous = await _h.RunAsync(Catalogue("restore-backup: { from: latest, fallback: next-intact }"), "ransom", backups: store);
        Assert.Equal(DrillEnd.Passed, previous.End);
        Assert.Equal((older.Id, "online"), (previous.Record.RestoredFrom[0].BackupId, previous.Record.RestoredFrom[0].Copy));
    }

    [Fact]
    public async Task A_container_drills_made_before_the_share_was_declared_is_recreated_with_its_volume_and_keeps_its_data()
    {
        var before = _h.Load(Portal(Name, 19100, Scenario("ransom", "kill: {}", RestoreSteps("start: {}")), extraContainer: $"volumes: [\"{Data}:/srv/www\"]"));
        var runtime = new Safety.LabelledOnlyRuntime(_h.Runtime, "portal");
        await new Safety.TargetGuard(runtime).ResolveAsync(before.Systems["portal"], recreates: false, CancellationToken.None);
        Assert.True((await _h.ExecAsync(Name, "sh", "-c", "echo kept > /srv/www/marker.txt")).Succeeded);

        var backup = await _h.TakeBackupAsync(_h.Backups(), Catalogue("restore-backup: latest"), "portal");

        Assert.Contains("00-srv_www.tar", (await _h.ExecAsync(Name, "ls", $"/backups/{backup.Id}")).Stdout, StringComparison.Ordinal);
        Assert.Equal("kept", (await _h.ExecAsync(Name, "cat", "/srv/www/marker.txt")).Stdout.Trim());
    }

    [Fact]
    public async Task Latest_counts_only_backups_taken_before_the_attack()
    {
        var catalogue = Catalogue("restore-backup: latest");
        var store = _h.Backups();
        var before = await _h.TakeBackupAsync(store, catalogue, "portal");
        string? during = null;
        var progress = new Support.InlineProgress(e =>
        {
            // A backup taken after T0 (here: as the restore starts) holds the attacked data and must not be restored.
            if (e.Mark is JournalMark.RestoreStart)
            {
                during = _h.TakeBackupAsync(store, catalogue, "portal").GetAwaiter().GetResult().Id;
            }
        });

        var result = await _h.RunAsync(catalogue, "ransom", progress, backups: store);

        Assert.NotNull(during);
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(before.Id, result.Record.RestoredFrom[0].BackupId);
    }

    public async Task InitializeAsync()
    {
        await DockerCli.RemoveAsync(Name, Share);
        await DockerCli.RemoveAsync(volume: Data);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(volume: Share);
        await DockerCli.RemoveAsync(volume: Data);
    }
}
