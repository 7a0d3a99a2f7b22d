using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>dataLoss</c> in --json: the figures of <see cref="DataLoss"/> without its markers (one per canary write,
/// possibly thousands; the run record and the report keep them).
/// </summary>
internal sealed record DataLossSummary(
    int MarkersWritten,
    int MarkersPresent,
    int MarkersLost,
    DateTimeOffset? LostFromUtc,
    DateTimeOffset? LostToUtc,
    double LossWindowSeconds,
    string? BackupId,
    DateTimeOffset? BackupTakenAtUtc,
    double? RpoTargetSeconds,
    bool? MetRpo,
    int BackupDefects,
    int WritesFailed)
{
    public static DataLossSummary? Of(DataLoss? loss) => loss is null ? null : new(
        loss.MarkersWritten,
        loss.MarkersPresent,
        loss.MarkersLost,
        loss.LostFromUtc,
        loss.LostToUtc,
        Math.Round(loss.LossWindowSeconds, 3),
        loss.BackupId,
        loss.BackupTakenAtUtc,
        loss.RpoTargetSeconds,
        loss.MetRpo,
        loss.BackupDefects,
        loss.WritesFailed);
}
