using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Reports.AfterAction;

/// <summary>The three evidence tables: every journal event, every step, every check observation.</summary>
internal static class RecordTables
{
    public static IReadOnlyList<TimelineRow> Timeline(IReadOnlyList<JournalEvent> journal, ZonedTime time) =>
        // Chronological: a recovery (T1) can be observed before the last restore step ends, and is
        // recorded when it is confirmed; the # column keeps the order in which events were written.
        journal
            .OrderBy(e => e.Elapsed)
            .ThenBy(e => e.Sequence)
            .Select(e =>
            {
                var mark = Labels.Mark(e.Mark);
                return new TimelineRow(
                    E(e.Sequence.ToString(CultureInfo.InvariantCulture)),
                    E(time.TimeOfDay(e.TimestampUtc)),
                    E(ZonedTime.Utc(e.TimestampUtc)),
                    E(HumanDuration.FormatElapsed(e.Elapsed)),
                    E(mark.Vi),
                    E(mark.En),
                    E(Labels.MarkTone(e.Mark)),
                    Raw(e.Message),
                    Raw(e.Detail),
                    !string.IsNullOrEmpty(e.Detail));
            })
            .ToList();

    public static IReadOnlyList<StepRow> Steps(IReadOnlyList<StepResult> steps, ZonedTime time) =>
        steps
            .OrderBy(s => s.StartedAt)
            .Select(s => new StepRow(
                E(Labels.Phase(s.Phase)),
                E(s.Index.ToString(CultureInfo.InvariantCulture)),
                E(s.Kind),
                E(s.Description),
                E(Labels.Tick(s.Succeeded)),
                E(s.WasInterrupted ? "Gián đoạn / Interrupted" : Labels.PassFail(s.Succeeded).ToString()),
                E(s.WasInterrupted ? "warn" : Labels.Tone(s.Succeeded)),
                E(HumanDuration.FormatElapsed(s.StartedAt)),
                E(HumanDuration.Format(s.Duration)),
                Raw(s.Observation),
                E(ManualTime.StepNote(s, time)),
                s.Manual is not null))
            .ToList();

    public static ChecksView Checks(IReadOnlyList<CheckObservation> observations)
    {
        var rows = CheckRun.Group(observations)
            .Select(r => new CheckRow(
                E(Labels.Phase(r.Phase)),
                E(r.Check),
                E(Labels.Tick(r.Passed)),
                E(Labels.PassFail(r.Passed).ToString()),
                E(Labels.Tone(r.Passed)),
                E("×" + r.Count.ToString(CultureInfo.InvariantCulture)),
                r.Count > 1,
                E(HumanDuration.FormatElapsed(r.FirstAt)),
                E(HumanDuration.FormatElapsed(r.LastAt)),
                Raw(r.Observation)))
            .ToList();

        return new ChecksView(
            rows,
            E(observations.Sum(o => o.Repeats).ToString(CultureInfo.InvariantCulture)),
            E(rows.Count.ToString(CultureInfo.InvariantCulture)));
    }

    private static HtmlText E(string? text) => HtmlText.Encode(text);

    /// <summary>Text a target wrote: where drills kept only its start, the note says so in both languages.</summary>
    private static HtmlText Raw(string? text) =>
        E(text?.Replace(OutputCut.Marker, "[đã cắt bớt / " + OutputCut.Marker[1..], StringComparison.Ordinal));
}
