using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Reports.AfterAction;

/// <summary>The three evidence tables: every journal event, every step, every check observation.</summary>
internal static class RecordTables
{
    public static IReadOnlyList<TimelineRow> Timeline(IReadOnlyList<JournalEvent> journal, ZonedTime time, ReportLanguage language) =>
        // Chronological: a recovery (T1) can be observed before the last restore step ends, and is
        // recorded when it is confirmed; the # column keeps the order in which events were written.
        journal
            .OrderBy(e => e.Elapsed)
            .ThenBy(e => e.Sequence)
            .Select(e => new TimelineRow(
                E(e.Sequence.ToString(CultureInfo.InvariantCulture)),
                E(time.TimeOfDay(e.TimestampUtc)),
                E(ZonedTime.Utc(e.TimestampUtc)),
                E(HumanDuration.FormatElapsed(e.Elapsed)),
                BiText.Of(Labels.Mark(e.Mark)),
                E(Labels.MarkTone(e.Mark)),
                BiText.Translated(e.Message, JournalText.Vietnamese(e.Message)),
                Raw(e.Detail, language),
                !string.IsNullOrEmpty(e.Detail)))
            .ToList();

    public static IReadOnlyList<StepRow> Steps(IReadOnlyList<StepResult> steps, ZonedTime time, ReportLanguage language) =>
        steps
            .OrderBy(s => s.StartedAt)
            .Select(s => new StepRow(
                BiText.Of(Labels.Phase(s.Phase)),
                E(s.Index.ToString(CultureInfo.InvariantCulture)),
                E(s.Kind),
                E(s.Description),
                E(Labels.Tick(s.Succeeded)),
                BiText.Of(s.WasInterrupted ? new("Gián đoạn", "Interrupted") : Labels.PassFail(s.Succeeded)),
                E(s.WasInterrupted ? "warn" : Labels.Tone(s.Succeeded)),
                E(HumanDuration.FormatElapsed(s.StartedAt)),
                E(HumanDuration.Format(s.Duration)),
                Raw(s.Observation, language),
                BiText.Of(ManualTime.StepNote(s, time)),
                s.Manual is not null))
            .ToList();

    public static ChecksView Checks(IReadOnlyList<CheckObservation> observations, ReportLanguage language)
    {
        var rows = CheckRun.Group(observations)
            .Select(r => new CheckRow(
                BiText.Of(Labels.Phase(r.Phase)),
                E(r.Check),
                E(Labels.Tick(r.Passed)),
                BiText.Of(Labels.PassFail(r.Passed)),
                E(Labels.Tone(r.Passed)),
                E("×" + r.Count.ToString(CultureInfo.InvariantCulture)),
                r.Count > 1,
                E(HumanDuration.FormatElapsed(r.FirstAt)),
                E(HumanDuration.FormatElapsed(r.LastAt)),
                Raw(r.Observation, language)))
            .ToList();

        return new ChecksView(
            rows,
            E(observations.Sum(o => o.Repeats).ToString(CultureInfo.InvariantCulture)),
            E(rows.Count.ToString(CultureInfo.InvariantCulture)));
    }

    private static HtmlText E(string? text) => HtmlText.Encode(text);

    /// <summary>
    /// Text a target wrote, printed once whatever the language (it can be a mebibyte); where drills kept only
    /// its start, the note says so in the report's language.
    /// </summary>
    private static HtmlText Raw(string? text, ReportLanguage language) => E(language switch
    {
        ReportLanguage.En => text,
        ReportLanguage.Vi => text?.Replace(OutputCut.Marker, "[đã cắt bớt sau ", StringComparison.Ordinal),
        _ => text?.Replace(OutputCut.Marker, "[đã cắt bớt / " + OutputCut.Marker[1..], StringComparison.Ordinal),
    });
}
