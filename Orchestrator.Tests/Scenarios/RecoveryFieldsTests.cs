using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>The format additions for backups, data loss and the remaining attack kinds: read right, refused with a place and a fix.</summary>
public sealed class RecoveryFieldsTests
{
    private const string Volumes = "container: { image: \"drills/web:1\", name: drills-web, ports: [\"127.0.0.1:18080:80\"] }";
    private const string WithBackupVolume = "container: { image: \"drills/web:1\", name: drills-web, ports: [\"127.0.0.1:18080:80\"], volumes: [\"drills-web-data:/srv/www\", \"drills-web-backups:/backups\"] }";

    private static string System(string extra) =>
        CatalogueText.WithData(Volumes, WithBackupVolume).Replace("    data: { paths: [/srv/www] }", "    data: { paths: [/srv/www] }\n" + extra, StringComparison.Ordinal);

    private static string Steps(string system, string attack, string restore) =>
        CatalogueText.Swap(CatalogueText.Swap(system, "attack: [{ kill: {} }]", $"attack: [{attack}]"), "restore: [{ start: {} }]", $"restore: [{restore}]");

    [Fact]
    public void Backup_canary_and_network_are_read_with_their_defaults()
    {
        var yaml = System("""
                network: drills-web-net
                backup: { share: /backups, keep: 3, schedule: "0 0 */6 ? * *" }
                canary: { write: ["sh", "-c", "echo {marker} >> /srv/www/c.log"], read: ["cat", "/srv/www/c.log"] }
            """);

        var system = CatalogueText.Load(yaml).Catalogue!.Systems["web"];

        Assert.Equal("drills-web-net", system.Network);
        Assert.Equal(new { Method = BackupMethod.Files, Share = (string?)"/backups", Keep = (int?)3 }, new { system.Backup!.Method, system.Backup.Share, system.Backup.Keep });
        Assert.Equal(TimeSpan.FromMilliseconds(200), system.Canary!.Interval);
        Assert.Equal(["sh", "-c", "echo m-1 >> /srv/www/c.log"], system.Canary.WriteFor("m-1"));
    }

    [Fact]
    public void Every_new_step_kind_is_read_with_its_options()
    {
        var yaml = Steps(System("    network: drills-web-net\n    backup: { share: /backups }"),
            "{ disconnect-network: {} }, { exhaust: { cpu: 2, memory: 64MiB, for: 20s } }, { corrupt-config: { path: /etc/app.conf, append: x } }, { delete-backups: {} }",
            "{ reconnect-network: {} }, { restore-backup: { from: latest, fallback: next-intact } }, { restore-backup: 20261201-143000-a1b2c3d4 }");

        var scenario = CatalogueText.Load(yaml).Catalogue!.Scenarios["web-kill"];

        Assert.IsType<DisconnectNetworkStep>(scenario.Attack[0]);
        Assert.Equal(new ExhaustStep(2, 64L * 1024 * 1024, TimeSpan.FromSeconds(20), scenario.Attack[1].Location), scenario.Attack[1]);
        Assert.Equal(("/etc/app.conf", (string?)null, (string?)"x"), (((CorruptConfigStep)scenario.Attack[2]).Path, ((CorruptConfigStep)scenario.Attack[2]).Content, ((CorruptConfigStep)scenario.Attack[2]).Append));
        Assert.IsType<DeleteBackupsStep>(scenario.Attack[3]);
        Assert.Equal((BackupSource.Latest, BackupFallback.NextIntact), (((RestoreBackupStep)scenario.Restore[1]).Source, ((RestoreBackupStep)scenario.Restore[1]).Fallback));
        Assert.Equal((BackupSource.Id, "20261201-143000-a1b2c3d4"), (((RestoreBackupStep)scenario.Restore[2]).Source, ((RestoreBackupStep)scenario.Restore[2]).BackupId));
    }

    [Fact]
    public void Backup_before_is_read_when_the_system_declares_a_backup()
    {
        var yaml = CatalogueText.Swap(System("    backup: {}"), "    system: web\n", "    system: web\n    backup_before: 3s\n");

        Assert.Equal(TimeSpan.FromSeconds(3), CatalogueText.Load(yaml).Catalogue!.Scenarios["web-kill"].BackupBefore);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "unknown method", System("    backup: { method: rsync }"), "'method' of 'backup' of system 'web' is 'rsync'" },
        { "exec without load", System("    backup: { method: exec, dump: [pg_dump] }"), "uses method exec but has no 'load' command" },
        { "files with dump", System("    backup: { dump: [pg_dump] }"), "'dump' of 'backup' of system 'web' is for method exec" },
        { "share on data", System("    backup: { share: /srv/www/backups }"), "overlaps data path '/srv/www'" },
        { "share not a volume", System("    backup: { share: /var/backups }"), "is not on a volume the container mounts" },
        { "bad backup cron", System("    backup: { schedule: \"every day\" }"), "'schedule' of 'backup' of system 'web' is 'every day', not a valid cron" },
        { "keep zero", System("    backup: { keep: 0 }"), "'keep' of 'backup' of system 'web'" },
        { "canary without marker", System("    canary: { write: [touch, /srv/www/x], read: [ls, /srv/www] }"), "never mentions {marker}" },
        { "canary too fast", System("    canary: { write: [echo, \"{marker}\"], read: [ls], interval: 10ms }"), "'interval' of 'canary' of system 'web' is 10ms" },
        { "engine network", System("    network: bridge"), "one of Docker's own networks" },
        { "disconnect without network", Steps(System(""), "{ disconnect-network: {} }", "{ start: {} }"), "names no network, and system 'web' declares none" },
        { "exhaust nothing", Steps(System(""), "{ exhaust: { for: 10s } }", "{ start: {} }"), "puts no pressure on the target" },
        { "exhaust too much memory", Steps(System(""), "{ exhaust: { memory: 5GiB } }", "{ start: {} }"), "more than the 4 GiB" },
        { "exhaust longer than the drill", Steps(System(""), "{ exhaust: { cpu: 1, for: 2h } }", "{ start: {} }"), "'for' of 'exhaust'" },
        { "corrupt both", Steps(System(""), "{ corrupt-config: { path: /etc/a, content: x, append: y } }", "{ start: {} }"), "has both 'content' and 'append'" },
        { "delete-backups without backup", Steps(System(""), "{ delete-backups: {} }", "{ start: {} }"), "which declares none" },
        { "restore unknown id", Steps(System("    backup: {}"), "{ kill: {} }", "{ restore-backup: yesterday }"), "is neither 'latest', 'baseline' nor a backup id" },
        { "restore bad fallback", Steps(System("    backup: {}"), "{ kill: {} }", "{ restore-backup: { from: latest, fallback: any } }"), "'fallback' of 'restore-backup'" },
        { "backup_before without backup", CatalogueText.Swap(System(""), "    system: web\n", "    system: web\n    backup_before: 3s\n"), "'backup_before' of scenario 'web-kill' takes a backup" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Wrong_recovery_field_is_refused_with_a_fix(string name, string yaml, string fragment)
    {
        var result = CatalogueText.Load(yaml);

        Assert.Null(result.Catalogue);
        var error = result.Errors.FirstOrDefault(e => e.ToString().Contains(fragment, StringComparison.Ordinal));
        Assert.True(error is not null, $"{name}: no error contains \"{fragment}\"; got:\n{string.Join("\n", result.Errors)}");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"{name}: the error has no fix");
    }
}
