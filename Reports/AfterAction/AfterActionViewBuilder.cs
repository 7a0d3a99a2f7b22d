using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>Turns a run record into the pre-formatted, pre-encoded view the template draws, section by section.</summary>
internal static class AfterActionViewBuilder
{
    public static AfterActionView Build(RunRecord run, ReportContext context)
    {
        var time = new ZonedTime(context.DisplayZone);
        return new AfterActionView(
            LanguageView.For(context.Language),
            CoverSection.Build(run, context, time),
            SummarySection.Build(run),
            OverviewSection.Build(run, time),
            RegulatorySection.Build(run),
            TimelineSection.Timeline(run, time, context.Language),
            (run.Outcome == RunOutcome.Skipped ? [] : Metrics.For(run)).Concat(RecoverySourceRows.For(run, time)).Concat(OriginRows.For(run, time)).ToList(),
            ReadinessSection.Build(run),
            DataLossSection.Build(run, time),
            CleanupSection.Build(run),
            TimelineSection.Analysis(run, time, context.Language),
            ImprovementSection.Build(run, context.PreviousRun),
            EvidenceSection.Build(run, context.Evidence, time),
            new FooterView(
                E(time.DateTime(context.GeneratedAtUtc)),
                E(ZonedTime.Utc(context.GeneratedAtUtc)),
                E(context.ToolVersion),
                E(time.ZoneLabel)));
    }

    private static HtmlText E(string? text) => HtmlText.Encode(text);
}
