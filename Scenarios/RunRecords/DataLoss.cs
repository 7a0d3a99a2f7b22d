namespace Drills.Scenarios.RunRecords;

/// <summary>
/// The data a drill lost, measured with canary markers: what was written, what survived the recovery, and the
/// window between the restored backup and the attack.
/// </summary>
/// <param name="MarkersWritten">Markers whose write succeeded, from before the backup until T0.</param>
/// <param name="MarkersPresent">Of those, the ones read back after recovery.</param>
/// <param name="MarkersLost">Written after the restored backup and missing after recovery: the records lost.</param>
/// <param name="LostFromUtc">Write time of the first lost marker; null when none was lost.</param>
/// <param name="LostToUtc">Write time of the last lost marker; null when none was lost.</param>
/// <param name="LossWindowSeconds">T0 minus the restored backup's time: how much could be lost, whatever the canary saw.</param>
/// <param name="BackupId">The backup the drill restored from; null when it restored the drill's own snapshot.</param>
/// <param name="RpoTargetSeconds">The system's rpo_target; null when it declares none.</param>
/// <param name="MetRpo">The loss window within rpo_target; null without a target.</param>
internal sealed record DataLoss(
    int MarkersWritten,
    int MarkersPresent,
    int MarkersLost,
    DateTimeOffset? LostFromUtc,
    DateTimeOffset? LostToUtc,
    double LossWindowSeconds,
    string? BackupId,
    DateTimeOffset? BackupTakenAtUtc,
    double? RpoTargetSeconds,
    bool? MetRpo)
{
    /// <summary>Missing markers written before the backup: the backup did not hold what it should have (a backup defect, not loss).</summary>
    public int BackupDefects { get; init; }

    /// <summary>Markers whose write failed (the system refused it); not counted as written.</summary>
    public int WritesFailed { get; init; }

    /// <summary>Every marker with its write time and what became of it, for the evidence annex.</summary>
    public IReadOnlyList<CanaryMarker> Markers { get; init; } = [];
}

/// <summary>One canary marker: when it was written (UTC), whether the write succeeded, and whether it was read back after recovery.</summary>
internal sealed record CanaryMarker(string Marker, DateTimeOffset WrittenAtUtc, bool Written, bool Present, bool AfterBackup);
