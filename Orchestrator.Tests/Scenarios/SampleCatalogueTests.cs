using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;
using Drills.Scenarios.Loading;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class SampleCatalogueTests
{
    private static readonly Lazy<CatalogueLoadResult> Sample = new(() => CatalogueLoader.LoadFile(SamplePath()));

    private static DrillCatalogue Catalogue => Sample.Value.Catalogue!;

    [Fact]
    public void Sample_catalogue_loads_without_errors()
    {
        Assert.Empty(Sample.Value.Errors);
        Assert.True(Sample.Value.IsValid);
    }

    [Fact]
    public void Sample_catalogue_records_its_path_and_the_hash_of_its_bytes()
    {
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(SamplePath())));
        Assert.Equal(SamplePath(), Catalogue.SourcePath);
        Assert.Equal(expected, Catalogue.Sha256);
    }

    [Fact]
    public void Sample_portal_declares_a_four_hour_target()
    {
        var portal = Catalogue.Systems["citizen-portal"];
        Assert.Equal(TimeSpan.FromHours(4), portal.RtoTarget);
        Assert.True(portal.RtoTargetDeclared);
        Assert.Equal(TimeSpan.FromHours(1), portal.RpoTarget);
        Assert.Equal(["/srv/www"], portal.Data.Paths);
        Assert.Equal(5, portal.Checks.Count);
        Assert.Equal(["127.0.0.1:18080:8080"], portal.Container.Ports);
        Assert.Equal("drills-portal-net", portal.Network);
    }

    [Fact]
    public void Sample_records_database_takes_its_target_from_level_four()
    {
        var records = Catalogue.Systems["citizen-records"];
        Assert.Equal(4, records.SecurityLevel);
        Assert.Equal(TimeSpan.FromHours(4), records.RtoTarget);
        Assert.False(records.RtoTargetDeclared);
        Assert.Equal(TimeSpan.FromMinutes(15), records.RpoTarget);
        Assert.Equal("drills/records-db:1", records.Container.Image);
    }

    [Fact]
    public void Sample_records_database_measures_data_loss_with_rows_written_after_a_backup_three_seconds_old()
    {
        var canary = Catalogue.Systems["citizen-records"].Canary!;
        var scenario = Catalogue.Scenarios["records-data-loss"];

        Assert.Contains("INSERT INTO canary(marker) VALUES ('run-000001')", canary.WriteFor("run-000001")[^1], StringComparison.Ordinal);
        Assert.Contains("SELECT marker FROM canary", canary.Read[^1], StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(200), canary.Interval);
        Assert.Equal(BackupMethod.Exec, Catalogue.Systems["citizen-records"].Backup!.Method);
        Assert.Equal(TimeSpan.FromSeconds(3), scenario.BackupBefore);
        Assert.Equal(BackupSource.Latest, Assert.IsType<RestoreBackupStep>(Assert.Single(scenario.Restore)).Source);
    }

    [Fact]
    public void Sample_records_database_is_stopped_cleanly_for_its_baseline_and_the_portal_copied_live()
    {
        var quiesce = Catalogue.Systems["citizen-records"].Quiesce!;
        Assert.Contains("-m fast -w stop", quiesce.Before[^1], StringComparison.Ordinal);
        Assert.Contains("-w start", quiesce.After[^1], StringComparison.Ordinal);
        Assert.Null(Catalogue.Systems["citizen-portal"].Quiesce);
    }

    [Fact]
    public void Sample_defaults_poll_every_half_second()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Catalogue.Defaults.ProbeInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), Catalogue.Defaults.MaxDuration);
        Assert.Equal("Asia/Ho_Chi_Minh", Catalogue.Defaults.TimeZone);
        Assert.Equal(TimeSpan.FromMilliseconds(500), Catalogue.Scenarios["portal-kill"].ProbeInterval);
    }

    [Fact]
    public void Sample_declares_nine_scenarios_with_their_steps()
    {
        Assert.Equal(9, Catalogue.Scenarios.Count);
        var ransomware = Catalogue.Scenarios["portal-ransomware"];
        var encrypt = Assert.IsType<EncryptFilesStep>(Assert.Single(ransomware.Attack));
        Assert.Equal(".locked", encrypt.Extension);
        Assert.Equal("README_RESTORE.txt", encrypt.Note);
        Assert.Equal(BackupSource.Latest, Assert.IsType<RestoreBackupStep>(ransomware.Restore[0]).Source);
        Assert.Equal("0 0 2 ? * SUN", ransomware.Schedule);
        Assert.Equal(["business-hours", "tet-holiday"], ransomware.Blackout);
        Assert.Equal("SIGKILL", Assert.IsType<KillStep>(Catalogue.Scenarios["portal-kill"].Attack[0]).Signal);
        Assert.IsType<DisconnectNetworkStep>(Assert.Single(Catalogue.Scenarios["portal-network-cut"].Attack));
        var exhaust = Assert.IsType<ExhaustStep>(Assert.Single(Catalogue.Scenarios["portal-exhaust"].Attack));
        Assert.True(exhaust.For <= TimeSpan.FromSeconds(10), "the demo runs every sample drill: keep its pressure short");
        Assert.Equal("/etc/nginx/nginx.conf", Assert.IsType<CorruptConfigStep>(Catalogue.Scenarios["portal-bad-config"].Attack[0]).Path);
        Assert.IsType<DeleteBackupsStep>(Catalogue.Scenarios["portal-backup-wipe"].Attack[0]);
        Assert.Equal("/backups", Catalogue.Systems["citizen-portal"].Backup!.Share);
    }

    [Fact]
    public void Sample_scenario_overrides_the_stop_condition()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Catalogue.Scenarios["records-wiper"].MaxDuration);
        Assert.Equal(TimeSpan.FromMinutes(10), Catalogue.Scenarios["portal-kill"].MaxDuration);
    }

    [Fact]
    public void Sample_verify_lists_keep_what_was_written()
    {
        Assert.Collection(Catalogue.Scenarios["portal-ransomware"].Verify,
            item => Assert.IsType<SystemChecksItem>(item),
            item => Assert.IsType<IntegrityItem>(item));
        var wiper = Catalogue.Scenarios["records-wiper"].Verify;
        Assert.IsType<SystemChecksItem>(wiper[0]);
        var inline = Assert.IsType<ExecCheck>(Assert.IsType<InlineCheckItem>(wiper[1]).Check);
        Assert.Equal("1000", inline.Contains);
    }

    [Fact]
    public void Sample_calendars_hold_their_windows()
    {
        var hours = Catalogue.Calendars["business-hours"];
        Assert.Equal(new DailyWindow(new TimeOnly(7, 30), new TimeOnly(17, 30)), hours.Daily);
        Assert.Equal(5, hours.Weekdays.Count);
        var tet = Catalogue.Calendars["tet-holiday"];
        Assert.Equal(new DateRange(new DateOnly(2027, 2, 5), new DateOnly(2027, 2, 11)), Assert.Single(tet.Dates));
    }

    [Fact]
    public void Omitted_verify_defaults_to_checks_plus_integrity_when_the_system_has_data()
    {
        var yaml = CatalogueText.With("    checks: [{ tcp: \"127.0.0.1:18080\" }]",
            "    checks: [{ tcp: \"127.0.0.1:18080\" }]\n    data: { paths: [/srv/www] }");
        var result = CatalogueText.Load(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Collection(result.Catalogue.Scenarios["web-kill"].Verify,
            item => Assert.IsType<SystemChecksItem>(item),
            item => Assert.IsType<IntegrityItem>(item));
    }

    [Fact]
    public void Omitted_verify_defaults_to_checks_alone_when_the_system_has_no_data()
    {
        var result = CatalogueText.Load(CatalogueText.Minimal);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.IsType<SystemChecksItem>(Assert.Single(result.Catalogue.Scenarios["web-kill"].Verify));
    }

    [Fact]
    public void Missing_file_is_one_error_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drills-missing-{Guid.NewGuid():N}.yaml");

        var result = CatalogueLoader.LoadFile(path);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Catalogue);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(error.Fix);
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "drills.sln")))
            {
                return Path.Combine(dir.FullName, "scenarios.yaml");
            }
        }

        throw new InvalidOperationException("drills.sln not found above " + AppContext.BaseDirectory);
    }
}
