using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>Turns a run record into the pre-formatted, pre-encoded view the template draws.</summary>
internal static class AfterActionViewBuilder
{
    public static AfterActionView Build(RunRecord run, ReportContext context)
    {
        var time = new ZonedTime(context.DisplayZone);
        return new AfterActionView(
            Cover(run, context, time),
            Summary(run),
            Overview(run, time),
            (run.Outcome == RunOutcome.Skipped ? [] : Metrics.For(run)).Concat(OriginRows.For(run, time)).ToList(),
            RecordTables.Timeline(run.Journal, time),
            RecordTables.Steps(run.Steps, time),
            RecordTables.Checks(run.Checks),
            new FooterView(
                E(time.DateTime(context.GeneratedAtUtc)),
                E(ZonedTime.Utc(context.GeneratedAtUtc)),
                E(context.ToolVersion),
                E(time.ZoneLabel)));
    }

    private static CoverView Cover(RunRecord run, ReportContext context, ZonedTime time) => new(
        E(run.SystemTitle),
        E(run.SystemId),
        E(run.Agency),
        E(Labels.SecurityLevel(run.SecurityLevel).ToString()),
        E(run.RunId),
        E(run.ScenarioTitle),
        E(time.Date(run.StartedAtUtc)),
        E(time.DateTime(run.StartedAtUtc)),
        E(ZonedTime.Utc(run.StartedAtUtc)),
        E(context.Classification));

    private static SummaryView Summary(RunRecord run)
    {
        var outcome = Labels.Outcome(run.Outcome);
        var verdict = Verdict.For(run);
        var findings = Verdict.Findings(run)
            .Select(f => new FindingRow(E(f.Tone), E(f.Text.Vi), E(f.Text.En)))
            .ToList();

        return new SummaryView(
            E(Labels.OutcomeTone(run.Outcome)),
            E(outcome.Vi),
            E(outcome.En),
            E(run.RecoveryTime is { } t ? HumanDuration.Format(t) : "—"),
            E(Labels.Tone(run.MetTarget)),
            E(HumanDuration.Format(run.RtoTarget)),
            E(verdict.Vi),
            E(verdict.En),
            findings,
            E(HumanDuration.Format(run.DeclaredManualTime)),
            run.DeclaredManualTime > TimeSpan.Zero);
    }

    private static OverviewView Overview(RunRecord run, ZonedTime time) => new(
        E(run.ScenarioId),
        E(run.ScenarioTitle),
        E(string.IsNullOrWhiteSpace(run.Technique) ? Labels.NotRecorded.ToString() : run.Technique),
        E(run.SystemId),
        E(run.ContainerName),
        E(string.IsNullOrWhiteSpace(run.ImageDigest) ? Labels.NotRecorded.ToString() : run.ImageDigest),
        E(run.CatalogueSha256),
        E(time.DateTime(run.StartedAtUtc)),
        E(ZonedTime.Utc(run.StartedAtUtc)),
        E(run.EndedAtUtc is { } end ? time.DateTime(end) : "Chưa kết thúc / Not finished"),
        E(run.EndedAtUtc is { } endUtc ? ZonedTime.Utc(endUtc) : ""),
        run.EndedAtUtc is not null,
        E(time.ZoneLabel));

    private static HtmlText E(string? text) => HtmlText.Encode(text);
}
