using System.Globalization;
using Drills.Reports.AfterAction;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;

namespace Drills.Reports.Index;

/// <summary>Turns the index into its page's view: every text encoded here, once.</summary>
internal static class IndexViewBuilder
{
    public static IndexView Build(CioIndex index, IndexContext context)
    {
        var zone = new ZonedTime(context.DisplayZone);
        var totals = new TotalsView(Count(index.Rows.Count), Count(index.Failing), Count(index.Overdue), Count(index.NeverDrilled));
        return new IndexView(
            HtmlText.Encode(zone.DateTime(index.GeneratedAtUtc)),
            HtmlText.Encode(ZonedTime.Utc(index.GeneratedAtUtc)),
            HtmlText.Encode(context.ToolVersion),
            totals,
            !index.Filter.IsAll,
            HtmlText.Encode(FilterText(index.Filter)),
            !index.CatalogueKnown,
            index.Rows.Select(row => Row(row, context, zone)).ToArray());
    }

    private static IndexRowView Row(IndexRow row, IndexContext context, ZonedTime zone)
    {
        var last = row.Last;
        var outcome = last is null ? new Bilingual("Chưa diễn tập", "Never drilled") : Labels.Outcome(last.Outcome);
        var tone = last is null ? "bad" : Labels.OutcomeTone(last.Outcome);
        var within = CadenceText.DrillsWithin(row.DrillsInCadence, row.Policy.DrillCadence);
        var cadence = CadenceText.Of(row.Policy.DrillCadence);
        var link = context.LinkTo(last?.ReportPath);
        string[] classes = ["system-row", row.Failing ? "failing" : "", row.Overdue ? "overdue" : "", row.InCatalogue ? "" : "not-in-catalogue"];
        return new IndexRowView(
            HtmlText.Encode(row.SystemId),
            HtmlText.Encode(row.Title),
            HtmlText.Encode(row.Agency),
            Count(row.Level),
            HtmlText.Encode(string.Join(' ', classes.Where(c => c.Length > 0))),
            row.InCatalogue,
            last is null,
            HtmlText.Encode(tone),
            HtmlText.Encode(outcome.Vi),
            HtmlText.Encode(outcome.En),
            HtmlText.Encode(last is null ? "" : zone.Date(last.DrilledAtUtc)),
            HtmlText.Encode(last is null ? "—" : last.RecoveryTime is { } t ? HumanDuration.Format(t) : "không khôi phục / not recovered"),
            HtmlText.Encode(HumanDuration.Format(row.Target)),
            last?.ShareOfTarget is not null,
            HtmlText.Encode(last?.ShareOfTarget is { } share ? (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : ""),
            last is { DeclaredManual.Ticks: > 0 },
            HtmlText.Encode(last is null ? "" : HumanDuration.Format(last.DeclaredManual)),
            HtmlText.Encode(row.PassRate is { } rate ? (rate * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "—"),
            HtmlText.Encode(string.Create(CultureInfo.InvariantCulture, $"{row.Passed}/{row.Drills}")),
            HtmlText.Encode(within.Vi),
            HtmlText.Encode(within.En),
            HtmlText.Encode(cadence.Vi),
            HtmlText.Encode(cadence.En),
            row.Overdue,
            Loss(row, zone),
            link is not null,
            HtmlText.Encode(link),
            TrendChart.Of(row, zone));
    }

    private static LossCellView Loss(IndexRow row, ZonedTime zone)
    {
        if (row.LastMeasuredLoss is not { Loss: { } loss } drill)
        {
            return new LossCellView(false, HtmlText.Empty, HtmlText.Empty, HtmlText.Encode("neutral"), HtmlText.Empty, HtmlText.Empty, false);
        }

        return new LossCellView(
            true,
            HtmlText.Encode(HumanDuration.Format(TimeSpan.FromSeconds(loss.WindowSeconds))),
            HtmlText.Encode(loss.RpoTargetSeconds is { } rpo ? HumanDuration.Format(TimeSpan.FromSeconds(rpo)) : "—"),
            HtmlText.Encode(loss.MetRpo switch { true => "good", false => "bad", null => "neutral" }),
            Count(loss.MarkersLost),
            HtmlText.Encode(zone.Date(drill.DrilledAtUtc)),
            loss.MetRpo == false);
    }

    private static string FilterText(IndexFilter filter)
    {
        var parts = new List<string>();
        if (filter.Agency is { } agency)
        {
            parts.Add($"cơ quan / agency = {agency}");
        }

        if (filter.Level is { } level)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"cấp độ / level = {level}"));
        }

        return string.Join("; ", parts);
    }

    private static HtmlText Count(int value) => HtmlText.Encode(value.ToString(CultureInfo.InvariantCulture));
}
