using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

/// <summary>The canary inside a whole drill on the fake engine and clock.</summary>
public sealed class CanaryEngineTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private readonly EngineHarness _h = new();
    private readonly FakeCanaryTable _table;
    private readonly FakeAgencyBackups _backups;

    public CanaryEngineTests()
    {
        _table = new FakeCanaryTable(_h.Runtime, _h.Time);
        _backups = new FakeAgencyBackups(_table, _h.Time);
        _h.Backups = _backups;
        _h.AddLabelledPortal();
    }

    private static DateTimeOffset At(RunRecord run, JournalMark mark) => run.Journal.First(e => e.Mark == mark).TimestampUtc;

    [Fact]
    public async Task The_canary_writes_from_before_the_backup_and_stops_at_T0()
    {
        var result = await _h.RunAsync(CanaryDrillTests.System(), CanaryDrillTests.Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)), Tick);

        var t0 = At(result.Record, JournalMark.AttackStart);
        var backup = _backups.List("portal").Single();
        Assert.Equal(DrillEnd.Passed, result.End);
        var markers = result.Record.DataLoss!.Markers;
        Assert.Contains(markers, m => m.WrittenAtUtc < backup.TakenAtUtc);
        Assert.Contains(markers, m => m.WrittenAtUtc > backup.TakenAtUtc);
        Assert.All(markers, m => Assert.True(m.WrittenAtUtc <= t0, $"marker {m.Marker} written at {m.WrittenAtUtc:O}, after T0 {t0:O}"));
        Assert.Equal(3.0, (t0 - backup.TakenAtUtc).TotalSeconds, 3);
        Assert.Contains(result.Record.Journal, e => e.Message.StartsWith("Canary stopped at T0: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_restore_step_s_backup_is_the_one_the_loss_is_measured_against()
    {
        var result = await _h.RunAsync(CanaryDrillTests.System(TimeSpan.FromSeconds(2)), CanaryDrillTests.Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)), Tick);

        var backup = _backups.List("portal").Single();
        var loss = result.Record.DataLoss!;
        Assert.Equal(backup.Id, Assert.Single(result.Record.RestoredFrom).BackupId);
        Assert.Equal((backup.Id, backup.TakenAtUtc), (loss.BackupId, loss.BackupTakenAtUtc!.Value));
        Assert.Equal(_table.Rows.Count, loss.MarkersPresent);
        Assert.Equal(loss.Markers.Count(m => m.WrittenAtUtc > backup.TakenAtUtc), loss.MarkersLost);
        Assert.Equal(15, loss.MarkersLost);
        Assert.Equal(3.0, loss.LossWindowSeconds);
        Assert.False(loss.MetRpo);
    }

    [Fact]
    public async Task A_drill_of_a_system_without_canary_writes_no_marker_and_says_nothing_of_one()
    {
        var system = CanaryDrillTests.System() with { Canary = null };

        var result = await _h.RunAsync(system, CanaryDrillTests.Restoring(BackupSource.Latest, backupBefore: null), Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Empty(_table.Rows);
        Assert.Null(result.Record.DataLoss);
        Assert.DoesNotContain(result.Record.Journal, e => e.Message.Contains("anary", StringComparison.Ordinal) || e.Message.Contains("Data loss", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_backup_before_that_cannot_be_taken_starts_no_attack_and_rolls_the_canary_back()
    {
        _backups.Failure = new IOException("disk full");
        var before = _h.Files;

        var result = await _h.RunAsync(CanaryDrillTests.System(), CanaryDrillTests.Restoring(BackupSource.Latest, TimeSpan.FromSeconds(3)), Tick);

        Assert.Equal(DrillEnd.NotStarted, result.End);
        Assert.Contains("disk full", result.Record.AbortReason);
        Assert.DoesNotContain(result.Record.Journal, e => e.Mark == JournalMark.AttackStart);
        Assert.True(result.Record.RolledBack);
        Assert.Equal(before.Keys.Order(), _h.Files.Keys.Order());
    }

    public void Dispose() => _h.Dispose();
}
