using System.Globalization;
using Drills.Reports.AfterAction;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;

namespace Drills.Reports.Index;

/// <summary>
/// Lays out a row's trend as an inline SVG bar chart: the latest drills oldest first, each bar the recovery
/// time as a share of its target, drawn up to twice the target, with the target as a line across.
/// A drill that did not recover is a full-height bar in the failure tone.
/// </summary>
internal static class TrendChart
{
    private const double Slot = 10;
    private const double Gap = 2;
    private const double Height = 36;

    /// <summary>Shares above this are drawn at the top: a chart that kept scale for a 40× miss would flatten every other bar.</summary>
    private const double Ceiling = 2;

    public static ChartView Of(IndexRow row, ZonedTime zone)
    {
        var bars = row.Trend.Select((drill, i) =>
        {
            var share = drill.ShareOfTarget;
            var height = share is { } s ? Math.Max(1, Math.Min(s, Ceiling) / Ceiling * Height) : Height;
            var tone = share is null ? "unrecovered" : Labels.OutcomeTone(drill.Outcome);
            var recovery = drill.RecoveryTime is { } t ? HumanDuration.Format(t) : "không khôi phục / not recovered";
            var outcome = Labels.Outcome(drill.Outcome);
            return new BarView(
                Number(i * Slot), Number(Height - height), Number(Slot - Gap), Number(height), HtmlText.Encode(tone),
                HtmlText.Encode($"{zone.Date(drill.DrilledAtUtc)}: {recovery} / {HumanDuration.Format(drill.Target)} — {outcome}"));
        }).ToArray();

        var label = $"Xu hướng thời gian khôi phục của {bars.Length} lần diễn tập gần nhất / Recovery time trend of the last {bars.Length} drills";
        return new ChartView(bars.Length > 0, Number(Math.Max(1, bars.Length) * Slot), Number(Height), Number(Height - Height / Ceiling),
            HtmlText.Encode(label), bars);
    }

    private static HtmlText Number(double value) => HtmlText.Encode(Math.Round(value, 2).ToString(CultureInfo.InvariantCulture));
}
