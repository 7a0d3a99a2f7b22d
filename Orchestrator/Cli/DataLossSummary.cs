using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>The data loss of one drill as --json prints it: the counts and the window, without the per-marker annex the run record keeps.</summary>
internal sealed record DataLossSummary(
    int MarkersWritten,
    int MarkersPresent,
    int MarkersLost,
    int BackupDefects,
    int WritesFailed,
    DateTimeOffset? LostFromUtc,
    DateTimeOffset? LostToUtc,
    double LossWindowSeconds,
    string? BackupId,
    DateTimeOffset? BackupTakenAtUtc,
    double? RpoTargetSeconds,
    bool? MetRpo)
{
    public static DataLossSummary? From(DataLoss? loss) => loss is null ? null : new(
        loss.MarkersWritten, loss.MarkersPresent, loss.MarkersLost, loss.BackupDefects, loss.WritesFailed,
        loss.LostFromUtc, loss.LostToUtc, loss.LossWindowSeconds, loss.BackupId, loss.BackupTakenAtUtc, loss.RpoTargetSeconds, loss.MetRpo);
}
