namespace Drills.Reports.Index;

/// <summary>
/// One row of the index for machines, the same fields in --json and --csv, in this order. Null where a
/// system was never drilled (its target stays: the one it would be judged by). The data-loss fields are those of
/// the latest of its recent drills that measured data loss; null when none did.
/// </summary>
internal sealed record IndexFields(
    string System,
    string Title,
    string Agency,
    int Level,
    string? LastOutcome,
    double? LastRecoverySeconds,
    double TargetSeconds,
    double? PassRate,
    int Runs,
    bool Overdue,
    string? LastRunId,
    double? LastLossWindowSeconds,
    double? RpoTargetSeconds,
    bool? MetRpo)
{
    /// <summary>The field names, as JSON properties and as the CSV header.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["system", "title", "agency", "level", "lastOutcome", "lastRecoverySeconds", "targetSeconds", "passRate", "runs", "overdue", "lastRunId", "lastLossWindowSeconds", "rpoTargetSeconds", "metRpo"];

    public static IndexFields Of(IndexRow row) => new(
        row.SystemId,
        row.Title,
        row.Agency,
        row.Level,
        row.Last?.Outcome.ToString().ToLowerInvariant(),
        row.Last?.RecoveryTime is { } recovery ? Math.Round(recovery.TotalSeconds, 3) : null,
        Math.Round(row.Target.TotalSeconds, 3),
        row.PassRate is { } rate ? Math.Round(rate, 4) : null,
        row.Drills,
        row.Overdue,
        row.Last?.RunId,
        row.LastMeasuredLoss?.Loss is { } loss ? Math.Round(loss.WindowSeconds, 3) : null,
        row.LastMeasuredLoss?.Loss?.RpoTargetSeconds,
        row.LastMeasuredLoss?.Loss?.MetRpo);

    /// <summary>The values in <see cref="Names"/> order, as JSON would print them (null as null).</summary>
    public IReadOnlyList<object?> Values() => [System, Title, Agency, Level, LastOutcome, LastRecoverySeconds, TargetSeconds, PassRate, Runs, Overdue, LastRunId, LastLossWindowSeconds, RpoTargetSeconds, MetRpo];
}
