using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Index;

/// <summary>A drill's measured data loss as the CIO index reads it: the loss window against rpo_target, and the records lost.</summary>
internal sealed record LossDigest(double WindowSeconds, double? RpoTargetSeconds, bool? MetRpo, int MarkersLost)
{
    public static LossDigest? Of(DataLoss? loss) =>
        loss is null ? null : new(loss.LossWindowSeconds, loss.RpoTargetSeconds, loss.MetRpo, loss.MarkersLost);
}
