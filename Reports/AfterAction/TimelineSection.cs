using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record TimelineView(GanttView Gantt, IReadOnlyList<TimelineRow> Rows)
{
    public bool HasRows => Rows.Count > 0;
}

internal sealed record TimelineRow(
    HtmlText Sequence,
    HtmlText LocalTime,
    HtmlText UtcTime,
    HtmlText Elapsed,
    BiText Mark,
    HtmlText Tone,
    BiText Message,
    HtmlText Detail,
    bool HasDetail);

internal sealed record AnalysisView(IReadOnlyList<StepRow> Steps, ChecksView Checks)
{
    public bool HasSteps => Steps.Count > 0;
}

internal sealed record StepRow(
    BiText Phase,
    HtmlText Index,
    HtmlText Kind,
    HtmlText Description,
    HtmlText Tick,
    BiText Result,
    HtmlText Tone,
    HtmlText StartedAt,
    HtmlText Duration,
    HtmlText Observation,
    BiText Manual,
    bool IsManual);

internal sealed record ChecksView(IReadOnlyList<CheckRow> Rows, HtmlText ObservationCount, HtmlText RowCount)
{
    public bool HasRows => Rows.Count > 0;
}

internal sealed record CheckRow(
    BiText Phase,
    HtmlText Check,
    HtmlText Tick,
    BiText Result,
    HtmlText Tone,
    HtmlText Count,
    bool IsGrouped,
    HtmlText FirstAt,
    HtmlText LastAt,
    HtmlText Observation);

/// <summary>The timeline (Gantt and every journal event) and the analysis (every step and check with its raw observation).</summary>
internal static class TimelineSection
{
    public static TimelineView Timeline(RunRecord run, ZonedTime time, ReportLanguage language) =>
        new(GanttChart.Build(run), RecordTables.Timeline(run.Journal, time, language));

    public static AnalysisView Analysis(RunRecord run, ZonedTime time, ReportLanguage language) =>
        new(RecordTables.Steps(run.Steps, time, language), RecordTables.Checks(run.Checks, language));
}
