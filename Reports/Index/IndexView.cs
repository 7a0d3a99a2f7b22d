using Drills.Reports.Rendering;

namespace Drills.Reports.Index;

// The view model of the CIO index page. As in the after-action report, every printable leaf is HtmlText
// (already encoded) and every other leaf a bool or a list, so the template holds no raw text to forget.

internal sealed record IndexView(
    HtmlText Generated,
    HtmlText GeneratedUtc,
    HtmlText ToolVersion,
    TotalsView Totals,
    bool HasFilter,
    HtmlText Filter,
    bool CatalogueUnknown,
    IReadOnlyList<IndexRowView> Rows)
{
    public bool HasRows => Rows.Count > 0;
}

internal sealed record TotalsView(HtmlText Systems, HtmlText Failing, HtmlText Overdue, HtmlText NeverDrilled);

internal sealed record IndexRowView(
    HtmlText SystemId,
    HtmlText Title,
    HtmlText Agency,
    HtmlText Level,
    HtmlText RowClass,
    bool InCatalogue,
    bool NeverDrilled,
    HtmlText OutcomeTone,
    HtmlText OutcomeVi,
    HtmlText OutcomeEn,
    HtmlText LastDate,
    HtmlText Recovery,
    HtmlText Target,
    bool HasShare,
    HtmlText Share,
    bool HasDeclared,
    HtmlText Declared,
    HtmlText PassRate,
    HtmlText PassCount,
    HtmlText DrillsInCadenceVi,
    HtmlText DrillsInCadenceEn,
    HtmlText CadenceVi,
    HtmlText CadenceEn,
    bool Overdue,
    LossCellView Loss,
    bool HasReport,
    HtmlText ReportHref,
    ChartView Chart);

/// <summary>
/// The data-loss cell: the last measured loss window against rpo_target, the records lost and that drill's date;
/// <see cref="Missed"/> flags a window beyond the target.
/// </summary>
internal sealed record LossCellView(bool Measured, HtmlText Window, HtmlText Target, HtmlText Tone, HtmlText Lost, HtmlText Date, bool Missed);

/// <summary>The trend chart: one bar a drill, its height the recovery time as a share of target, the target a line.</summary>
internal sealed record ChartView(bool HasBars, HtmlText Width, HtmlText Height, HtmlText TargetY, HtmlText Label, IReadOnlyList<BarView> Bars);

internal sealed record BarView(HtmlText X, HtmlText Y, HtmlText Width, HtmlText Height, HtmlText Tone, HtmlText Title);
