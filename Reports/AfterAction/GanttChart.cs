using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The inline SVG Gantt of the timeline: one bar per phase and one tick per journal event, all in user units.</summary>
internal sealed record GanttView(
    HtmlText Width,
    HtmlText Height,
    HtmlText PlotLeft,
    HtmlText PlotRight,
    HtmlText EventsY,
    HtmlText EventsLabelY,
    HtmlText AxisBottom,
    IReadOnlyList<GanttBar> Bars,
    IReadOnlyList<GanttTick> Ticks,
    IReadOnlyList<GanttAxisMark> Axis,
    BiText Description)
{
    public bool HasTicks => Ticks.Count > 0;
}

/// <summary>A phase row; <see cref="Happened"/> is false for a phase the run never reached (its row says so).</summary>
internal sealed record GanttBar(HtmlText Phase, BiText Label, HtmlText LabelY, HtmlText X, HtmlText Y, HtmlText Width, BiText Title, bool Happened);

internal sealed record GanttTick(HtmlText X, HtmlText Tone, BiText Title);

internal sealed record GanttAxisMark(HtmlText X, HtmlText Label);

internal static class GanttChart
{
    private const double Width = 960;
    private const double PlotLeft = 190;
    private const double PlotRight = 940;
    private const double Top = 28;
    private const double RowHeight = 26;
    private const double BarHeight = 16;
    private const double MinBarWidth = 2;

    public static GanttView Build(RunRecord run)
    {
        var total = Total(run);
        var phases = GanttPhases.Of(run);
        var bars = phases.Select((phase, row) => Bar(phase, row, total)).ToList();
        var eventsY = Top + (phases.Count * RowHeight);
        var ticks = run.Journal
            .OrderBy(e => e.Elapsed).ThenBy(e => e.Sequence)
            .Select(e => new GanttTick(Number(X(e.Elapsed, total)), HtmlText.Encode(Labels.MarkTone(e.Mark)), BiText.Of(TickTitle(e))))
            .ToList();
        var axis = Enumerable.Range(0, 5)
            .Select(i => new GanttAxisMark(Number(PlotLeft + ((PlotRight - PlotLeft) * i / 4)), HtmlText.Encode(HumanDuration.FormatElapsed(total * i / 4))))
            .ToList();
        var events = run.Journal.Count.ToString(CultureInfo.InvariantCulture);
        return new GanttView(
            Number(Width),
            Number(eventsY + RowHeight + 8),
            Number(PlotLeft),
            Number(PlotRight),
            Number(eventsY),
            Number(eventsY + 13),
            Number(eventsY + RowHeight),
            bars,
            ticks,
            axis,
            BiText.Of(new(
                $"Biểu đồ Gantt các giai đoạn diễn tập trong {HumanDuration.Format(total)}, với {events} sự kiện nhật ký đánh dấu trên trục thời gian.",
                $"Gantt chart of the drill's phases over {HumanDuration.Format(total)}, with its {events} journal events marked on the time axis.")));
    }

    private static GanttBar Bar(GanttPhase phase, int row, TimeSpan total)
    {
        var y = Top + (row * RowHeight);
        var label = Labels.Phase(phase.Name);
        if (phase.Span is not { } span)
        {
            return new GanttBar(HtmlText.Encode(phase.Name), BiText.Of(label), Number(y + 12), Number(PlotLeft), Number(y),
                Number(0), BiText.Of(new($"{label.Vi}: không diễn ra", $"{label.En}: did not happen")), false);
        }

        var x = X(span.Start, total);
        var width = Math.Max(X(span.End, total) - x, MinBarWidth);
        var from = HumanDuration.FormatElapsed(span.Start);
        var to = HumanDuration.FormatElapsed(span.End);
        var length = HumanDuration.Format(span.End - span.Start);
        return new GanttBar(HtmlText.Encode(phase.Name), BiText.Of(label), Number(y + 12), Number(x), Number(y), Number(width),
            BiText.Of(new($"{label.Vi}: {from} → {to} ({length})", $"{label.En}: {from} → {to} ({length})")), true);
    }

    private static Bilingual TickTitle(JournalEvent e)
    {
        var mark = Labels.Mark(e.Mark);
        var at = $"#{e.Sequence.ToString(CultureInfo.InvariantCulture)} {HumanDuration.FormatElapsed(e.Elapsed)}";
        var vietnamese = JournalText.Vietnamese(e.Message) ?? e.Message + " (EN)";
        return new($"{at} — {mark.Vi}: {vietnamese}", $"{at} — {mark.En}: {e.Message}");
    }

    /// <summary>The chart's span: the latest thing the record holds, never zero so the scale stays finite.</summary>
    private static TimeSpan Total(RunRecord run)
    {
        var ends = run.Journal.Select(e => e.Elapsed)
            .Concat(run.Steps.Select(s => s.StartedAt + s.Duration))
            .Concat(run.Checks.Select(c => c.LastAt ?? c.At));
        var total = ends.DefaultIfEmpty(TimeSpan.Zero).Max();
        return total > TimeSpan.Zero ? total : TimeSpan.FromSeconds(1);
    }

    private static double X(TimeSpan at, TimeSpan total) =>
        PlotLeft + ((PlotRight - PlotLeft) * Math.Clamp(at / total, 0, 1));

    private static HtmlText Number(double value) => HtmlText.Encode(value.ToString("0.#", CultureInfo.InvariantCulture));
}
