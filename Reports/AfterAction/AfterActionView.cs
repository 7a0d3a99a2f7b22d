using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

// The view model of one after-action report. Every printable leaf is HtmlText (already encoded), a
// BiText (two encoded sides) or a bool, so the template has no raw user text to forget to escape.
// A test walks these types and fails if another kind of member appears.

internal sealed record AfterActionView(
    LanguageView Lang,
    CoverView Cover,
    SummaryView Summary,
    OverviewView Overview,
    RegulatoryView Regulatory,
    TimelineView Timeline,
    IReadOnlyList<MetricRow> Metrics,
    ReadinessView Readiness,
    DataLossView DataLoss,
    CleanupView Cleanup,
    AnalysisView Analysis,
    ImprovementView Improvement,
    EvidenceView Evidence,
    FooterView Footer);

/// <summary>Which languages print: <see cref="Vi"/> and <see cref="En"/> both true for a bilingual report.</summary>
internal sealed record LanguageView(HtmlText Code, bool Vi, bool En)
{
    public bool Both => Vi && En;

    public static LanguageView For(ReportLanguage language) => language switch
    {
        ReportLanguage.Vi => new(HtmlText.Encode("vi"), true, false),
        ReportLanguage.En => new(HtmlText.Encode("en"), false, true),
        _ => new(HtmlText.Encode("vi"), true, true),
    };
}

internal sealed record MetricRow(BiText Label, BiText Value, BiText Note, HtmlText Tone);

internal sealed record FooterView(
    HtmlText GeneratedLocal,
    HtmlText GeneratedUtc,
    HtmlText ToolVersion,
    HtmlText DisplayZone);
