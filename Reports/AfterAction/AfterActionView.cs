using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

// The view model of one after-action report. Every printable leaf is HtmlText (already encoded)
// and every other leaf is a bool, so the template has no raw user text to forget to escape.
// A test walks these types and fails if another kind of member appears.

internal sealed record AfterActionView(
    CoverView Cover,
    SummaryView Summary,
    OverviewView Overview,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<TimelineRow> Timeline,
    IReadOnlyList<StepRow> Steps,
    ChecksView Checks,
    FooterView Footer)
{
    public bool HasTimeline => Timeline.Count > 0;

    public bool HasSteps => Steps.Count > 0;
}

internal sealed record CoverView(
    HtmlText SystemTitle,
    HtmlText SystemId,
    HtmlText Agency,
    HtmlText SecurityLevel,
    HtmlText RunId,
    HtmlText ScenarioTitle,
    HtmlText DrillDate,
    HtmlText StartedLocal,
    HtmlText StartedUtc,
    HtmlText Classification);

internal sealed record SummaryView(
    HtmlText OutcomeTone,
    HtmlText OutcomeVi,
    HtmlText OutcomeEn,
    HtmlText RecoveryTime,
    HtmlText RecoveryTone,
    HtmlText Target,
    HtmlText VerdictVi,
    HtmlText VerdictEn,
    IReadOnlyList<FindingRow> Findings,
    HtmlText DeclaredManual,
    bool HasDeclaredManual)
{
    public bool HasFindings => Findings.Count > 0;
}

internal sealed record FindingRow(HtmlText Tone, HtmlText Vi, HtmlText En);

internal sealed record OverviewView(
    HtmlText ScenarioId,
    HtmlText ScenarioTitle,
    HtmlText Technique,
    HtmlText SystemId,
    HtmlText ContainerName,
    HtmlText ImageDigest,
    HtmlText CatalogueSha256,
    HtmlText StartedLocal,
    HtmlText StartedUtc,
    HtmlText EndedLocal,
    HtmlText EndedUtc,
    bool HasEnded,
    HtmlText DisplayZone);

internal sealed record MetricRow(HtmlText LabelVi, HtmlText LabelEn, HtmlText Value, HtmlText Note, HtmlText Tone);

internal sealed record TimelineRow(
    HtmlText Sequence,
    HtmlText LocalTime,
    HtmlText UtcTime,
    HtmlText Elapsed,
    HtmlText MarkVi,
    HtmlText MarkEn,
    HtmlText Tone,
    HtmlText Message,
    HtmlText Detail,
    bool HasDetail);

internal sealed record StepRow(
    HtmlText Phase,
    HtmlText Index,
    HtmlText Kind,
    HtmlText Description,
    HtmlText Tick,
    HtmlText ResultLabel,
    HtmlText Tone,
    HtmlText StartedAt,
    HtmlText Duration,
    HtmlText Observation,
    HtmlText Manual,
    bool IsManual);

internal sealed record ChecksView(IReadOnlyList<CheckRow> Rows, HtmlText ObservationCount, HtmlText RowCount)
{
    public bool HasRows => Rows.Count > 0;
}

internal sealed record CheckRow(
    HtmlText Phase,
    HtmlText Check,
    HtmlText Tick,
    HtmlText ResultLabel,
    HtmlText Tone,
    HtmlText Count,
    bool IsGrouped,
    HtmlText FirstAt,
    HtmlText LastAt,
    HtmlText Observation);

internal sealed record FooterView(
    HtmlText GeneratedLocal,
    HtmlText GeneratedUtc,
    HtmlText ToolVersion,
    HtmlText DisplayZone);
