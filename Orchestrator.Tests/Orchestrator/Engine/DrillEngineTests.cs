using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

public sealed class DrillEngineTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly EngineHarness _h = new();

    [Fact]
    public async Task Ransomware_drill_restores_every_file_from_the_baseline()
    {
        _h.AddLabelledPortal();
        var before = _h.Files;
        var scenario = Scenario(
            [new EncryptFilesStep(["/srv/www"], "README_RESTORE.txt", ".locked", Nowhere)],
            [new RestoreBackupStep(BackupSource.Baseline, Nowhere), new RestartStep(Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        Assert.True(result.Record.ImpactObserved);
        Assert.Equal(before.Keys.Order(), _h.Files.Keys.Order());
        Assert.All(before, f => Assert.Equal(f.Value, _h.Files[f.Key]));
    }

    [Fact]
    public async Task A_run_keeps_the_limits_it_was_drilled_with()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new RestartStep(Nowhere)], maxDuration: TimeSpan.FromMinutes(7), probeInterval: TimeSpan.FromMilliseconds(750));

        var result = await _h.RunAsync(Portal(), scenario, Tick, new DrillOptions { RollbackTimeout = TimeSpan.FromSeconds(90) });

        Assert.Equal(new RunLimits(TimeSpan.FromMilliseconds(750), TimeSpan.FromMinutes(7), TimeSpan.FromSeconds(90)), result.Record.Limits);
    }

    [Fact]
    public async Task Ransomware_really_encrypts_renames_and_leaves_a_note()
    {
        _h.AddLabelledPortal();
        var before = _h.Files;
        var scenario = Scenario(
            [new EncryptFilesStep(["/srv/www"], "README_RESTORE.txt", ".locked", Nowhere)],
            [new WaitStep(TimeSpan.FromSeconds(1), Nowhere)],
            maxDuration: TimeSpan.FromSeconds(20));
        IReadOnlyDictionary<string, byte[]>? during = null;
        _h.Runtime.ExecHook = (_, command) =>
        {
            // The probes run beside the attack: keep the first that sees it finished (copies locked, originals gone).
            if (command is ["test", ..] && _h.Files is var files && files.Keys.Any(k => k.EndsWith(".locked", StringComparison.Ordinal))
                && !before.Keys.Any(files.ContainsKey))
            {
                during ??= files;
            }

            return null;
        };

        await _h.RunAsync(Portal(), scenario, Tick);

        Assert.NotNull(during);
        Assert.Contains("/srv/www/README_RESTORE.txt", during!.Keys);
        foreach (var (path, content) in before)
        {
            Assert.DoesNotContain(path, during.Keys);
            Assert.NotEqual(content, during[path + ".locked"]);
        }
    }

    [Fact]
    public async Task Journal_marks_the_phases_in_the_order_the_format_defines()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        var marks = result.Record.Journal.Select(e => e.Mark)
            .Where(m => m is JournalMark.Baseline or JournalMark.AttackStart or JournalMark.Impact or JournalMark.RestoreStart or JournalMark.RestoreEnd or JournalMark.Recovered)
            .ToArray();
        Assert.Equal(
            [JournalMark.Baseline, JournalMark.AttackStart, JournalMark.Impact, JournalMark.RestoreStart, JournalMark.RestoreEnd, JournalMark.Recovered],
            marks);
        Assert.Equal(result.Record.Journal.Select(e => e.Elapsed).Order(), result.Record.Journal.Select(e => e.Elapsed));
    }

    [Fact]
    public async Task Restore_taking_25_simulated_hours_misses_the_24_hour_target()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario(
            [new KillStep("SIGKILL", Nowhere)],
            [new WaitStep(TimeSpan.FromHours(25), Nowhere), new StartStep(Nowhere)],
            maxDuration: TimeSpan.FromHours(30),
            probeInterval: TimeSpan.FromMinutes(10));

        var result = await _h.RunAsync(Portal(rto: null, level: 1) with { RtoTarget = TimeSpan.FromHours(24) }, scenario, TimeSpan.FromMinutes(10));

        Assert.Equal(DrillEnd.MissedTarget, result.End);
        Assert.Equal(RunOutcome.Failed, result.Record.Outcome);
        Assert.InRange(result.Record.RecoveryTime!.Value, TimeSpan.FromHours(25), TimeSpan.FromHours(25.5));
        Assert.False(result.Record.MetTarget);
        Assert.True(result.Record.Checks.Sum(c => c.Repeats) > 400, "every 10-minute poll of 25 hours is accounted for");
        Assert.True(result.Record.Checks.Count < 40, $"identical polls are folded, yet {result.Record.Checks.Count} observations were kept");
    }

    [Fact]
    public async Task Measured_recovery_time_follows_the_drill_clock()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario(
            [new KillStep("SIGKILL", Nowhere)],
            [new WaitStep(TimeSpan.FromSeconds(90), Nowhere), new StartStep(Nowhere)],
            probeInterval: TimeSpan.FromMilliseconds(500));

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.InRange(result.Record.RecoveryTime!.Value, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(92));
        Assert.InRange(result.Record.TimeToImpact!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Restore_that_never_succeeds_aborts_at_max_duration_and_rolls_back()
    {
        _h.AddLabelledPortal();
        var before = _h.Files;
        var scenario = Scenario(
            [new DefaceStep(IndexPath, "<h1>Hacked</h1>", Nowhere)],
            [new WaitStep(TimeSpan.FromSeconds(1), Nowhere)],
            maxDuration: TimeSpan.FromSeconds(90));

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.StopCondition, result.End);
        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        Assert.True(result.Record.RolledBack);
        Assert.Contains("max_duration", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.All(before, f => Assert.Equal(f.Value, _h.Files[f.Key]));
        Assert.Equal(ContainerStatus.Running, _h.Runtime.ByName(PortalName)!.Status);
    }

    [Fact]
    public async Task Attack_without_observable_impact_is_reported_as_a_finding()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new ExecStep(["true"], 0, Nowhere)], [new WaitStep(TimeSpan.FromSeconds(1), Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.False(result.Record.ImpactObserved);
        Assert.Null(result.Record.TimeToImpact);
        Assert.Contains(result.Record.Journal, e => e.Message.Contains("no observable impact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unlabelled_container_with_the_systems_name_is_refused_and_left_untouched()
    {
        _h.Runtime.Add(PortalName, new Dictionary<string, string>());
        var before = _h.Files;
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Contains("drills.target=portal", result.Record.AbortReason, StringComparison.Ordinal);
        Assert.Empty(_h.Runtime.Calls);
        Assert.Equal(ContainerStatus.Running, _h.Runtime.ByName(PortalName)!.Status);
        Assert.All(before, f => Assert.Equal(f.Value, _h.Files[f.Key]));
    }

    [Fact]
    public async Task Missing_container_is_created_from_the_declared_settings_with_the_drills_label()
    {
        var scenario = Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Contains($"create {PortalName}", _h.Runtime.Calls);
        Assert.Equal("portal", _h.Runtime.ByName(PortalName)!.Info().Labels["drills.target"]);
    }

    [Fact]
    public async Task Removed_container_is_redeployed_and_the_drill_passes()
    {
        _h.AddLabelledPortal();
        var scenario = Scenario([new RemoveStep(Nowhere)], [new RedeployStep(Nowhere)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(ContainerStatus.Running, _h.Runtime.ByName(PortalName)!.Status);
    }

    [Fact]
    public async Task Every_journal_event_is_in_the_sqlite_store_when_the_drill_ends()
    {
        using var h = new EngineHarness(sqlite: true);
        h.AddLabelledPortal();
        var scenario = Scenario([new PauseStep(Nowhere)], [new UnpauseStep(Nowhere)]);

        var result = await h.RunAsync(Portal(), scenario, Tick);
        var stored = h.Store.Find(result.Record.RunId);

        Assert.NotNull(stored);
        Assert.Equal(result.Record.Outcome, stored!.Outcome);
        Assert.Equal(result.Record.Journal.Select(e => e.Message), stored.Journal.Select(e => e.Message));
        Assert.Equal(result.Record.RecoveryTime, stored.RecoveryTime);
    }

    public void Dispose() => _h.Dispose();
}
