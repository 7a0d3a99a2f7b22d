using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The canary markers on a time axis: one tick per pixel column (its worst marker's tone), the backup and T0 as lines.</summary>
internal sealed record LossChartView(
    bool HasChart,
    HtmlText Width,
    HtmlText Height,
    IReadOnlyList<LossTick> Ticks,
    IReadOnlyList<LossLine> Lines,
    IReadOnlyList<GanttAxisMark> Axis,
    BiText Description);

/// <summary>The markers written within one pixel column; <see cref="Tone"/> is present, lost, defect or failed.</summary>
internal sealed record LossTick(HtmlText X, HtmlText Tone, BiText Title);

/// <summary>A moment on the chart: <c>backup</c> (the restored backup was taken) or <c>t0</c> (the attack began).</summary>
internal sealed record LossLine(HtmlText X, HtmlText Kind, BiText Label, HtmlText LabelX);

internal static class DataLossChart
{
    private const double Width = 960;
    private const double Left = 20;
    private const double Right = 940;

    public static LossChartView None { get; } = new(false, Number(Width), Number(0), [], [], [], BiText.Empty);

    public static LossChartView Build(RunRecord run, DataLoss loss, ZonedTime time)
    {
        if (loss.Markers.Count == 0)
        {
            return None;
        }

        var t0 = run.Journal.FirstOrDefault(e => e.Mark == JournalMark.AttackStart)?.TimestampUtc
                 ?? loss.BackupTakenAtUtc?.AddSeconds(loss.LossWindowSeconds);
        var moments = loss.Markers.Select(m => m.WrittenAtUtc)
            .Concat(new[] { loss.BackupTakenAtUtc, t0 }.OfType<DateTimeOffset>())
            .ToList();
        var start = moments.Min();
        var span = Math.Max((moments.Max() - start).TotalMilliseconds, 1);
        double X(DateTimeOffset at) => Math.Round(Left + ((at - start).TotalMilliseconds / span * (Right - Left)));

        var ticks = loss.Markers
            .GroupBy(m => X(m.WrittenAtUtc))
            .OrderBy(g => g.Key)
            .Select(g => new LossTick(Number(g.Key), HtmlText.Encode(g.Select(Fate).MaxBy(Rank)), BiText.Of(Title(g.ToList(), time))))
            .ToList();
        var lines = new List<LossLine>();
        if (loss.BackupTakenAtUtc is { } backup)
        {
            lines.Add(Line(X(backup), "backup", new("Sao lưu", "Backup")));
        }

        if (t0 is { } attack)
        {
            lines.Add(Line(X(attack), "t0", Bilingual.Same("T0")));
        }

        var axis = Enumerable.Range(0, 3)
            .Select(i => new GanttAxisMark(Number(Left + ((Right - Left) * i / 2)), HtmlText.Encode(time.TimeOfDay(start.AddMilliseconds(span * i / 2)))))
            .ToList();
        return new LossChartView(true, Number(Width), Number(100), ticks, lines, axis, BiText.Of(Description(loss)));
    }

    private static string Fate(CanaryMarker marker) => marker switch
    {
        { Written: false } => "failed",
        { Present: true } => "present",
        { AfterBackup: true } => "lost",
        _ => "defect",
    };

    private static int Rank(string fate) => fate switch { "lost" => 3, "defect" => 2, "failed" => 1, _ => 0 };

    private static Bilingual FateText(string fate) => fate switch
    {
        "lost" => new("mất", "lost"),
        "defect" => new("lỗi bản sao lưu", "backup defect"),
        "failed" => new("ghi thất bại", "write failed"),
        _ => new("còn", "present"),
    };

    private static Bilingual Title(List<CanaryMarker> markers, ZonedTime time)
    {
        if (markers.Count == 1)
        {
            var fate = FateText(Fate(markers[0]));
            var at = time.TimeOfDay(markers[0].WrittenAtUtc);
            return new($"{markers[0].Marker} — {fate.Vi} — {at}", $"{markers[0].Marker} — {fate.En} — {at}");
        }

        var counts = markers.GroupBy(Fate).OrderByDescending(g => Rank(g.Key)).Select(g => (Count: g.Count(), Text: FateText(g.Key))).ToList();
        var from = time.TimeOfDay(markers.Min(m => m.WrittenAtUtc));
        var to = time.TimeOfDay(markers.Max(m => m.WrittenAtUtc));
        return new($"{markers.Count} mốc ({string.Join(", ", counts.Select(c => $"{c.Count} {c.Text.Vi}"))}) — {from} → {to}",
            $"{markers.Count} markers ({string.Join(", ", counts.Select(c => $"{c.Count} {c.Text.En}"))}) — {from} → {to}");
    }

    private static Bilingual Description(DataLoss loss)
    {
        var failed = loss.Markers.Count(m => !m.Written);
        return new(
            $"{loss.Markers.Count} mốc canary theo thời điểm ghi: {loss.MarkersPresent} còn, {loss.MarkersLost} mất, {loss.BackupDefects} lỗi bản sao lưu, {failed} ghi thất bại; vạch dọc là lúc lấy bản sao lưu và T0.",
            $"{loss.Markers.Count} canary markers by write time: {loss.MarkersPresent} present, {loss.MarkersLost} lost, {loss.BackupDefects} backup defects, {failed} failed writes; the vertical lines are the backup and T0.");
    }

    private static LossLine Line(double x, string kind, Bilingual label) =>
        new(Number(x), HtmlText.Encode(kind), BiText.Of(label), Number(Math.Min(x + 4, Right - 40)));

    private static HtmlText Number(double value) => HtmlText.Encode(value.ToString("0.#", CultureInfo.InvariantCulture));
}
