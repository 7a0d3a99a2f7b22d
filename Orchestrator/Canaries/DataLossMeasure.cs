using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Canaries;

/// <summary>
/// Data loss from canary writes and what was read back after recovery. A marker is "after the backup" when the system
/// acknowledged it after the backup's taken-at time: a write acknowledged before it was committed before the backup began.
/// </summary>
internal static class DataLossMeasure
{
    /// <param name="writes">Every write attempted, in order; failed ones are kept in the annex but never counted as written.</param>
    /// <param name="present">Markers read back after recovery (see <see cref="CanaryReadout"/>).</param>
    /// <param name="backupId">The agency backup restored.</param>
    /// <param name="backupTakenAtUtc">Its taken-at time, as its manifest records it.</param>
    /// <param name="attackStartUtc">T0.</param>
    /// <param name="rpoTarget">The system's rpo_target; null when it declares none.</param>
    public static DataLoss Compute(IReadOnlyList<CanaryWrite> writes, IReadOnlySet<string> present, string? backupId,
        DateTimeOffset backupTakenAtUtc, DateTimeOffset attackStartUtc, TimeSpan? rpoTarget)
    {
        var markers = writes
            .Select(w => new CanaryMarker(w.Marker, w.WrittenAtUtc, w.Succeeded, w.Succeeded && present.Contains(w.Marker), w.WrittenAtUtc > backupTakenAtUtc))
            .ToArray();
        var written = markers.Where(m => m.Written).ToArray();
        var lost = written.Where(m => m.AfterBackup && !m.Present).ToArray();
        var window = Math.Round((attackStartUtc - backupTakenAtUtc).TotalSeconds, 3);
        return new DataLoss(
            MarkersWritten: written.Length,
            MarkersPresent: written.Count(m => m.Present),
            MarkersLost: lost.Length,
            LostFromUtc: lost.Length > 0 ? lost.Min(m => m.WrittenAtUtc) : null,
            LostToUtc: lost.Length > 0 ? lost.Max(m => m.WrittenAtUtc) : null,
            LossWindowSeconds: window,
            BackupId: backupId,
            BackupTakenAtUtc: backupTakenAtUtc,
            RpoTargetSeconds: rpoTarget?.TotalSeconds,
            MetRpo: rpoTarget is { } rpo ? window <= rpo.TotalSeconds : null)
        {
            BackupDefects = written.Count(m => !m.AfterBackup && !m.Present),
            WritesFailed = markers.Length - written.Length,
            Markers = markers,
        };
    }
}
