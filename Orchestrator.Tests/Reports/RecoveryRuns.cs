using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// Runs that carry the recovery evidence: data loss within and beyond rpo_target, a restore from the drill's own
/// snapshot, a fallback to the offline copy, a run the readiness gate refused, a cleanup that left something
/// behind. Built on <see cref="OutcomeRuns.Passed"/>, whose texts carry no words of either language.
/// </summary>
internal static class RecoveryRuns
{
    public const string BackupId = "20261122-185959-a1b2c3d4";

    /// <summary>Why the fallback was needed, as the backup store words it.</summary>
    public const string Refusal = $"Backup {BackupId} of p1: its checksum does not match (online copy, data.tar: expected sha256 0123456789ab…, found ba9876543210…); refusing to restore from it";

    /// <summary>The restored backup: taken 100 ms after the drill started, 900 ms before T0 (the attack at +1.0 s).</summary>
    public static readonly DateTimeOffset BackupTaken = SampleRuns.Start.AddMilliseconds(100);

    public static IReadOnlyList<string> All { get; } = ["loss-met", "loss-missed", "baseline", "fallback", "refused", "leftovers"];

    public static RunRecord Named(string name) => name switch
    {
        "loss-met" => LossMet(),
        "loss-missed" => LossMissed(),
        "baseline" => OutcomeRuns.Passed() with { RestoredFrom = [new(null, null, RestoredBackup.Baseline, null)], Cleanup = Cleanup.Nothing },
        "fallback" => LossMet() with
        {
            RestoredFrom = [new(BackupId, BackupTaken, RestoredBackup.Offline, Refusal)],
        },
        "refused" => Refused(),
        "leftovers" => LossMet() with { Cleanup = new(["h-1", "h-2"], ["h-1"]) },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such recovery run"),
    };

    /// <summary>Ten markers every 200 ms from -1.0 s to +0.8 s: six before the backup (present), four after it (lost); rpo_target 1 min.</summary>
    public static RunRecord LossMet() => OutcomeRuns.Passed() with
    {
        Readiness = new([new("image", true, "i-1"), new("checks", true, "c-1"), new("backup", true, "b-1"), new("disk", true, "d-1")]),
        RestoredFrom = [new(BackupId, BackupTaken, RestoredBackup.Online, null)],
        DataLoss = Loss(Markers(lostBeforeBackup: 0, failedWrites: 0), rpoSeconds: 60),
        Cleanup = Cleanup.Nothing,
    };

    /// <summary>As <see cref="LossMet"/> with a 500 ms rpo_target (missed), one backup defect and one failed write.</summary>
    public static RunRecord LossMissed() => LossMet() with { DataLoss = Loss(Markers(lostBeforeBackup: 1, failedWrites: 1), rpoSeconds: 0.5) };

    public static RunRecord Refused() => OutcomeRuns.Passed() with
    {
        Outcome = RunOutcome.Aborted,
        RecoveryTime = null,
        ImpactObserved = false,
        TimeToImpact = null,
        VerificationPassed = false,
        AbortReason = "b-2",
        Readiness = new([new("image", true, "i-1"), new("checks", true, "c-1"), new("backup", false, "b-2"), new("disk", false, "d-2")]),
        Journal = [new(1, JournalMark.Started, SampleRuns.Start, TimeSpan.Zero, OutcomeRuns.UnknownMessage),
            new(2, JournalMark.Aborted, SampleRuns.Start.AddMilliseconds(50), TimeSpan.FromMilliseconds(50), "Not started: nothing was attacked"),
            new(3, JournalMark.Finished, SampleRuns.Start.AddMilliseconds(60), TimeSpan.FromMilliseconds(60), "Drill finished: Aborted")],
        Steps = [],
        Checks = [],
        Cleanup = Cleanup.Nothing,
    };

    public static DataLoss Loss(IReadOnlyList<CanaryMarker> markers, double rpoSeconds)
    {
        var written = markers.Where(m => m.Written).ToList();
        var lost = written.Where(m => m is { Present: false, AfterBackup: true }).ToList();
        const double window = 0.9;
        return new DataLoss(written.Count, written.Count(m => m.Present), lost.Count, lost.Min(m => m.WrittenAtUtc), lost.Max(m => m.WrittenAtUtc),
            window, BackupId, BackupTaken, rpoSeconds, window <= rpoSeconds)
        {
            BackupDefects = written.Count(m => m is { Present: false, AfterBackup: false }),
            WritesFailed = markers.Count(m => !m.Written),
            Markers = markers,
        };
    }

    /// <summary>Markers m-01 … m-10; the first <paramref name="lostBeforeBackup"/> are missing after recovery, the last <paramref name="failedWrites"/> failed.</summary>
    public static IReadOnlyList<CanaryMarker> Markers(int lostBeforeBackup, int failedWrites, string prefix = "m-") =>
        Enumerable.Range(0, 10).Select(i =>
        {
            var at = SampleRuns.Start.AddMilliseconds(-1000 + (i * 200));
            var afterBackup = at > BackupTaken;
            var written = i < 10 - failedWrites;
            return new CanaryMarker($"{prefix}{i + 1:00}", at, written, written && !afterBackup && i >= lostBeforeBackup, afterBackup);
        }).ToList();
}
