using Drills.Orchestrator.Canaries;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

public sealed class DataLossMeasureTests
{
    private static readonly DateTimeOffset Backup = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset T0 = Backup.AddSeconds(3);

    private static CanaryWrite At(int seq, double seconds, bool ok = true) =>
        new($"run-{seq:D6}", Backup.AddSeconds(seconds), ok, ok ? null : "exit 1");

    private static HashSet<string> Present(params int[] seqs) => [.. seqs.Select(s => $"run-{s:D6}")];

    [Fact]
    public void Markers_written_after_the_backup_and_missing_are_the_records_lost()
    {
        CanaryWrite[] writes = [At(1, -0.4), At(2, -0.2), At(3, 0.2), At(4, 0.4), At(5, 0.6)];

        var loss = DataLossMeasure.Compute(writes, Present(1, 2), "b1", Backup, T0, null);

        Assert.Equal((5, 2, 3, 0), (loss.MarkersWritten, loss.MarkersPresent, loss.MarkersLost, loss.BackupDefects));
        Assert.Equal(Backup.AddSeconds(0.2), loss.LostFromUtc);
        Assert.Equal(Backup.AddSeconds(0.6), loss.LostToUtc);
    }

    [Fact]
    public void Missing_markers_written_before_the_backup_are_backup_defects_not_loss()
    {
        CanaryWrite[] writes = [At(1, -0.4), At(2, -0.2), At(3, 0.2)];

        var loss = DataLossMeasure.Compute(writes, Present(2), "b1", Backup, T0, null);

        Assert.Equal(1, loss.BackupDefects);
        Assert.Equal(1, loss.MarkersLost);
        Assert.Equal(loss.MarkersWritten, loss.MarkersPresent + loss.MarkersLost + loss.BackupDefects);
    }

    [Fact]
    public void A_failed_write_is_not_written_even_when_its_marker_turns_up()
    {
        CanaryWrite[] writes = [At(1, -0.2), At(2, 0.2, ok: false), At(3, 0.4)];

        var loss = DataLossMeasure.Compute(writes, Present(1, 2), "b1", Backup, T0, null);

        Assert.Equal((2, 1, 1, 1), (loss.MarkersWritten, loss.MarkersPresent, loss.MarkersLost, loss.WritesFailed));
        Assert.Equal(3, loss.Markers.Count);
        Assert.False(loss.Markers[1].Present);
    }

    [Fact]
    public void The_loss_window_runs_from_the_backup_to_T0_and_is_held_against_rpo_target()
    {
        var within = DataLossMeasure.Compute([At(1, 0.1)], Present(), "b1", Backup, T0, TimeSpan.FromSeconds(3));
        var missed = DataLossMeasure.Compute([At(1, 0.1)], Present(), "b1", Backup, T0, TimeSpan.FromSeconds(2));
        var none = DataLossMeasure.Compute([At(1, 0.1)], Present(), "b1", Backup, T0, null);

        Assert.Equal(3.0, within.LossWindowSeconds);
        Assert.Equal((true, 3.0), (within.MetRpo!.Value, within.RpoTargetSeconds!.Value));
        Assert.False(missed.MetRpo);
        Assert.Null(none.MetRpo);
        Assert.Null(none.RpoTargetSeconds);
        Assert.Equal(("b1", Backup), (within.BackupId, within.BackupTakenAtUtc!.Value));
    }

    [Fact]
    public void Nothing_lost_leaves_the_lost_span_empty()
    {
        var loss = DataLossMeasure.Compute([At(1, -0.2), At(2, 0.2)], Present(1, 2), "b1", Backup, T0, null);

        Assert.Equal(0, loss.MarkersLost);
        Assert.Null(loss.LostFromUtc);
        Assert.Null(loss.LostToUtc);
    }
}
