using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record SummaryView(
    BiText Attacked,
    HtmlText OutcomeTone,
    BiText Outcome,
    HtmlText RecoveryTime,
    HtmlText RecoveryTone,
    HtmlText Target,
    BiText Verdict,
    IReadOnlyList<FindingRow> Strengths,
    IReadOnlyList<FindingRow> Gaps,
    HtmlText DeclaredManual,
    bool HasDeclaredManual)
{
    public bool HasStrengths => Strengths.Count > 0;

    public bool HasGaps => Gaps.Count > 0;
}

internal sealed record FindingRow(HtmlText Tone, BiText Text);

/// <summary>The executive summary: what was attacked, the measured recovery time against its target, the verdict, top strengths and gaps.</summary>
internal static class SummarySection
{
    /// <summary>The summary keeps to the few points a CIO reads; every finding is in the analysis and the improvement plan.</summary>
    private const int Top = 3;

    public static SummaryView Build(RunRecord run)
    {
        var findings = Verdict.Findings(run);
        return new SummaryView(
            BiText.Of(Attacked(run)),
            HtmlText.Encode(Labels.OutcomeTone(run.Outcome)),
            BiText.Of(Labels.Outcome(run)),
            HtmlText.Encode(run.RecoveryTime is { } t ? HumanDuration.Format(t) : "—"),
            HtmlText.Encode(Labels.Tone(run.MetTarget)),
            HtmlText.Encode(HumanDuration.Format(run.RtoTarget)),
            BiText.Of(Verdict.For(run)),
            Rows(findings.Where(f => f.Tone == "good")),
            // Failures before warnings: the worst gap is the one to read first.
            Rows(findings.Where(f => f.Tone == "bad").Concat(findings.Where(f => f.Tone == "warn"))),
            HtmlText.Encode(HumanDuration.Format(run.DeclaredManualTime)),
            run.DeclaredManualTime > TimeSpan.Zero);
    }

    /// <summary>One sentence naming the target and how it was attacked, or why nothing was.</summary>
    public static Bilingual Attacked(RunRecord run)
    {
        var target = $"{run.ContainerName} ({run.SystemId})";
        if (run.Outcome == RunOutcome.Skipped)
        {
            return new($"Không có gì bị tấn công: lần hẹn này đã bị bỏ qua. Đích của kịch bản: container {target}.",
                $"Nothing was attacked: this fire was skipped. The scenario's target: container {target}.");
        }

        if (ReadinessSection.Refused(run))
        {
            return new($"Không có gì bị tấn công: cổng kiểm tra sẵn sàng đã từ chối diễn tập. Đích của kịch bản: container {target}.",
                $"Nothing was attacked: the readiness gate refused the drill. The scenario's target: container {target}.");
        }

        if (!AttackFacts.Began(run))
        {
            return new($"Không có gì bị tấn công: diễn tập dừng trước bước tấn công. Đích của kịch bản: container {target}.",
                $"Nothing was attacked: the drill stopped before its attack. The scenario's target: container {target}.");
        }

        var kinds = string.Join(", ", run.Steps.Where(s => s.Phase == "attack").Select(s => s.Kind).Distinct(StringComparer.Ordinal));
        var how = kinds.Length == 0 ? "" : $" ({kinds})";
        return new($"Container {target} bị tấn công theo kịch bản “{run.ScenarioTitle}”{how}.",
            $"Container {target} was attacked as scenario “{run.ScenarioTitle}” plays it{how}.");
    }

    private static List<FindingRow> Rows(IEnumerable<(string Tone, Bilingual Text)> findings) =>
        findings.Take(Top).Select(f => new FindingRow(HtmlText.Encode(f.Tone), BiText.Of(f.Text))).ToList();
}
