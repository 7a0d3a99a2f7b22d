using Drills.Orchestrator.Canaries;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

/// <summary>One drill's data-loss measurement on a fake clock: the canary, a backup of its table, a wiper, a restore.</summary>
public sealed class CanaryDrillTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly EngineHarness _h = new();
    private readonly FakeCanaryTable _table;
    private readonly FakeAgencyBackups _backups;
    private readonly DrillClock _clock;
    private readonly DrillTarget _target;
    private readonly List<JournalEvent> _journal = [];

    public CanaryDrillTests()
    {
        _table = new FakeCanaryTable(_h.Runtime, _h.Time);
        _backups = new FakeAgencyBackups(_table, _h.Time);
        _clock = new DrillClock(_h.Time);
        _target = new DrillTarget(System(), _h.AddLabelledPortal().Id, createdByDrill: false);
    }

    internal static SystemDefinition System(TimeSpan? rpo = null) => Portal() with
    {
        RpoTarget = rpo,
        Canary = new CanarySpec(FakeCanaryTable.Write, FakeCanaryTable.Read, Interval, Nowhere),
        Backup = new BackupSpec(BackupMethod.Exec, ["dump"], ["load"], null, null, null, Nowhere),
    };

    internal static ScenarioDefinition Restoring(BackupSource source, TimeSpan? backupBefore) =>
        Scenario([new KillStep("SIGKILL", Nowhere)], [new RestartStep(Nowhere), new RestoreBackupStep(source, Nowhere)]) with { BackupBefore = backupBefore };

    private DrillRun Run(ScenarioDefinition scenario, SystemDefinition system) =>
        new("20261123-190000-fa65c1d2e3b4a596", With(system, scenario), scenario, system, _clock) { Limits = new RunLimits(Interval, TimeSpan.FromHours(1), TimeSpan.FromMinutes(1)) };

    /// <summary>Baseline to verified recovery, the way the engine's phases call the measurement; the wiper empties the table, the restore brings the newest backup back.</summary>
    private async Task<DrillRun> DrillAsync(ScenarioDefinition scenario, SystemDefinition? system = null, bool restoreBaseline = false)
    {
        var run = Run(scenario, system ?? System(TimeSpan.FromSeconds(5)));
        var journal = new DrillJournal(_clock, new Sink(_journal), null);
        var canary = new CanaryDrill(run, journal, _h.Runtime, _backups);
        await _h.DriveAsync(async () =>
        {
            await canary.BeforeAttackAsync(_target, CancellationToken.None);
            await canary.StopAsync();
            run.AttackStarted = true;
            run.AttackStartedAt = journal.Record(JournalMark.AttackStart, "Attack started (T0)").Elapsed;
            canary.RecordStopped();
            _table.Wipe();
            await _clock.DelayAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
            if (restoreBaseline)
            {
                run.AddRestored(new RestoredBackup(null, _clock.StartedAtUtc, RestoredBackup.Baseline, null));
            }
            else
            {
                var restored = _backups.RestoreLatest();
                run.AddRestored(new RestoredBackup(restored.Id, restored.TakenAtUtc, RestoredBackup.Online, null));
            }

            await canary.AfterRecoveryAsync(CancellationToken.None);
            return run;
        }, TimeSpan.FromMilliseconds(50));
        return run;
    }

    private DateTimeOffset T0 => _journal.Single(e => e.Mark == JournalMark.AttackStart).TimestampUtc;

    [Fact]
    public async Task The_records_lost_are_exactly_those_written_after_the_backup()
    {
        var run = await DrillAsync(Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)));

        var loss = run.DataLoss!;
        var backup = _backups.List("portal").Single();
        Assert.Equal(loss.MarkersWritten, loss.MarkersPresent + loss.MarkersLost);
        Assert.Equal(loss.Markers.Count(m => m.WrittenAtUtc > backup.TakenAtUtc), loss.MarkersLost);
        Assert.Equal(15, loss.MarkersLost);
        Assert.Equal(3.0, loss.LossWindowSeconds);
        Assert.InRange((loss.LostToUtc!.Value - loss.LostFromUtc!.Value).TotalSeconds, 3.0 - 2 * Interval.TotalSeconds, 3.0);
        Assert.True(loss.MetRpo);
        Assert.All(loss.Markers, m => Assert.True(m.WrittenAtUtc <= T0));
    }

    [Fact]
    public async Task The_markers_in_the_restored_backup_are_present_and_said_to_remain()
    {
        var run = await DrillAsync(Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)));

        Assert.Equal(_table.Rows.Count, run.DataLoss!.MarkersPresent);
        Assert.Equal(CanaryDrill.LeadIntervals + 1, run.DataLoss.MarkersPresent);
        Assert.Contains(_journal, e => e.Message.StartsWith($"{run.DataLoss.MarkersPresent} canary records drills wrote remain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_journal_says_when_the_canary_started_the_backup_was_taken_and_the_canary_stopped()
    {
        await DrillAsync(Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)));

        var backup = _backups.List("portal").Single();
        string[] order = ["Canary started", $"Backup {backup.Id} taken", "Attack started (T0)", "Canary stopped at T0", "Data loss: "];
        var at = order.Select(prefix => _journal.FindIndex(e => e.Message.StartsWith(prefix, StringComparison.Ordinal))).ToArray();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public async Task Without_backup_before_the_latest_scheduled_backup_is_the_one_measured_against()
    {
        var scheduled = _backups.Add(_h.Time.GetUtcNow().AddMinutes(-10));

        var run = await DrillAsync(Restoring(BackupSource.Latest, backupBefore: null), System(TimeSpan.FromMinutes(5)));

        Assert.Equal(scheduled.Id, run.DataLoss!.BackupId);
        Assert.Equal(0, run.DataLoss.MarkersPresent);
        Assert.Equal(run.DataLoss.MarkersWritten, run.DataLoss.MarkersLost);
        Assert.Equal(CanaryDrill.LeadIntervals + 1, run.DataLoss.MarkersWritten);
        Assert.Equal((T0 - scheduled.TakenAtUtc).TotalSeconds, run.DataLoss.LossWindowSeconds, 3);
        Assert.False(run.DataLoss.MetRpo);
    }

    [Fact]
    public async Task A_restore_of_the_drills_own_baseline_measures_no_loss_and_says_why()
    {
        var run = await DrillAsync(Restoring(BackupSource.Latest, TimeSpan.FromSeconds(1)), restoreBaseline: true);

        Assert.Null(run.DataLoss);
        Assert.Contains(_journal, e => e.Message.StartsWith("Data loss not measured: the drill restored its own baseline snapshot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scenario_that_restores_no_agency_backup_writes_no_marker()
    {
        var run = await DrillAsync(Restoring(BackupSource.Baseline, backupBefore: null), restoreBaseline: true);

        Assert.Null(run.DataLoss);
        Assert.False(run.CanaryWrote);
        Assert.DoesNotContain(_h.Runtime.Calls, c => c.StartsWith("exec canary-write", StringComparison.Ordinal));
        Assert.Contains(_journal, e => e.Message == "Data loss not measured: the scenario restores no agency backup");
    }

    [Fact]
    public async Task A_read_that_fails_measures_no_loss_and_says_why()
    {
        var earlier = _h.Runtime.ExecHook;
        _h.Runtime.ExecHook = (c, command) => command is ["canary-read"] ? new ExecResult(2, "", "psql: connection refused") : earlier?.Invoke(c, command);

        var run = await DrillAsync(Restoring(BackupSource.Latest, TimeSpan.FromSeconds(1)));

        Assert.Null(run.DataLoss);
        var note = _journal.Single(e => e.Message == "Data loss not measured: the canary read failed");
        Assert.Contains("connection refused", note.Detail);
    }

    public void Dispose() => _h.Dispose();

    private sealed class Sink(List<JournalEvent> events) : IJournalSink
    {
        public void Append(JournalEvent entry)
        {
            lock (events)
            {
                events.Add(entry);
            }
        }
    }
}
