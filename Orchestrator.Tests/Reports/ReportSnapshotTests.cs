using System.Text.RegularExpressions;
using Drills.Reports.AfterAction;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// The report of a passed, a failed (missed target), an aborted and a skipped run, in each language: every
/// section in order with its stable id, the key figures under their ids, and one language only where one is asked.
/// </summary>
public sealed partial class ReportSnapshotTests
{
    private static readonly string[] Sections = ["cover", "summary", "overview", "regulatory", "timeline", "metrics", "data-loss", "analysis", "improvement", "evidence"];

    // Words of the report's English labels and sentences; none may appear in a Vietnamese-only report.
    private static readonly string[] EnglishWords =
    [
        "the", "and", "was", "with", "not", "recovery", "recovered", "target", "drill", "report", "summary", "overview",
        "timeline", "evidence", "improvement", "plan", "scope", "participants", "objectives", "outcome", "passed", "failed",
        "aborted", "skipped", "step", "steps", "check", "checks", "signed", "draft", "final", "level", "started", "metric",
    ];

    private readonly AfterActionReport _report = new();

    public static TheoryData<string, string> RunsInEveryLanguage
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in Outcomes.Concat(RecoveryRuns.All))
            {
                foreach (var language in new[] { "vi", "en", "both" })
                {
                    data.Add(name, language);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RunsInEveryLanguage))]
    public void Every_section_is_present_in_order_with_its_id(string run, string lang)
    {
        var language = Enum.Parse<ReportLanguage>(lang, ignoreCase: true);
        var html = Render(run, language);

        var positions = Sections.Select(id => html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Single(Regex.Matches(html, "<svg id=\"gantt\""));
        Assert.Contains($"<html lang=\"{(language == ReportLanguage.En ? "en" : "vi")}\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RunsInEveryLanguage))]
    public void Key_figures_carry_stable_ids(string run, string lang)
    {
        var html = Render(run, Enum.Parse<ReportLanguage>(lang, ignoreCase: true));

        Assert.Matches("id=\"outcome\" class=\"badge tone-(good|bad|warn)\"", html);
        Assert.Matches("id=\"recovery-time\" class=\"figure-value tone-(good|bad)\">(—|[0-9.]+ (s|h))<", html);
        Assert.Contains("id=\"target\" class=\"figure-value\">4 h<", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"verdict\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"report-status\" class=\"draft\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"technique\"", html, StringComparison.Ordinal);
    }

    /// <summary>The four outcomes, then the runs carrying data loss, backups, readiness and cleanup.</summary>
    public static TheoryData<string> EveryRun => [.. Outcomes.Concat(RecoveryRuns.All)];

    private static readonly string[] Outcomes = ["passed", "failed", "aborted", "skipped"];

    [Theory]
    [MemberData(nameof(EveryRun))]
    public void Vietnamese_report_has_no_English_label(string run)
    {
        var html = Render(run, ReportLanguage.Vi);

        var text = VisibleText(html);
        var english = EnglishWords.Where(w => Regex.IsMatch(text, $@"\b{w}\b", RegexOptions.IgnoreCase)).ToList();
        Assert.True(english.Count == 0, $"English in the Vietnamese report: {string.Join(", ", english)}\n{text}");
        Assert.DoesNotContain("class=\"en\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("lang=\"en\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryRun))]
    public void English_report_has_no_Vietnamese_label(string run)
    {
        var html = Render(run, ReportLanguage.En);

        // The decree's official number is a name, written as the state writes it.
        var text = VisibleText(html).Replace("NĐ-CP", "", StringComparison.Ordinal);
        var vietnamese = VietnameseLetters().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(vietnamese.Count == 0, $"Vietnamese in the English report: {string.Join(" ", vietnamese)}\n{text}");
        Assert.DoesNotContain("class=\"en\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryRun))]
    public void Bilingual_report_puts_Vietnamese_first_with_English_beside(string run)
    {
        var html = Render(run, ReportLanguage.Both);

        Assert.Contains(SampleRuns.Both("Tóm tắt", "Executive summary"), html, StringComparison.Ordinal);
        Assert.Contains(SampleRuns.Both("Kế hoạch khắc phục", "Improvement plan"), html, StringComparison.Ordinal);
        Assert.Contains("BẢN NHÁP / DRAFT", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Untranslated_journal_message_shows_in_English_marked_as_such_in_a_Vietnamese_report()
    {
        var vi = Render("passed", ReportLanguage.Vi);
        var both = Render("passed", ReportLanguage.Both);

        Assert.Contains($"<td>{OutcomeRuns.UnknownMessage} <span class=\"untranslated\">(EN)</span></td>", vi, StringComparison.Ordinal);
        Assert.Contains($"<td>{OutcomeRuns.UnknownMessage}</td>", both, StringComparison.Ordinal);
    }

    [Fact]
    public void Passed_run_shows_its_figures_and_strength()
    {
        var html = Render("passed", ReportLanguage.En);

        Assert.Contains("id=\"outcome\" class=\"badge tone-good\">Passed<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"recovery-time\" class=\"figure-value tone-good\">2.4 s<", html, StringComparison.Ordinal);
        Assert.Contains("Recovery time is within the target.", html, StringComparison.Ordinal);
        Assert.Contains("No gap was found", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_run_shows_the_missed_target_as_its_first_gap()
    {
        var html = Render("failed", ReportLanguage.En);

        Assert.Contains("id=\"outcome\" class=\"badge tone-bad\">Failed<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"recovery-time\" class=\"figure-value tone-bad\">5 h<", html, StringComparison.Ordinal);
        Assert.Matches("class=\"findings gaps\">\\s*<li class=\"tone-bad\">Recovery missed the target by 1 h", html);
        Assert.Contains("Step restore #2 (restart) failed: restart #2", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Aborted_run_gives_its_reason_and_draws_its_rollback()
    {
        var html = Render("aborted", ReportLanguage.Vi);

        Assert.Contains("Diễn tập đã bị hủy bỏ (bộ điều phối đã khởi động lại giữa chừng)", html, StringComparison.Ordinal);
        Assert.Contains("<g class=\"phase phase-rollback\"><title>Hoàn nguyên: +2.0 s → +2.5 s (500 ms)</title>", html, StringComparison.Ordinal);
        Assert.Contains("<g class=\"phase phase-verify absent\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_run_renders_every_section_with_its_reason_and_empty_states()
    {
        var html = Render("skipped", ReportLanguage.En);

        Assert.Contains("This scheduled drill was skipped (the service stopped before the drill&#39;s turn came); nothing was touched.", html, StringComparison.Ordinal);
        Assert.Contains("Nothing was attacked: this fire was skipped.", html, StringComparison.Ordinal);
        Assert.Contains("The journal is empty", html, StringComparison.Ordinal);
        Assert.Contains("No steps were recorded", html, StringComparison.Ordinal);
        // A skipped fire is itself a finding: no recovery was proven for it.
        Assert.Contains("Run the drill on demand (&#39;drills run r1&#39;)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<g class=\"tick", html, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Count(html, "<g class=\"phase phase-[a-z]+ absent\">"));
    }

    [Fact]
    public void Gantt_marks_every_journal_event_and_names_each_phase()
    {
        var run = OutcomeRuns.Passed();

        var html = _report.Render(run, SampleRuns.Context with { Language = ReportLanguage.En });

        Assert.Equal(run.Journal.Count, Regex.Count(html, "<g class=\"tick tick-[a-z]+\"><title>#"));
        Assert.Contains("<title>#6 +1.5 s — Impact detected: zq-7 k9</title>", html, StringComparison.Ordinal);
        foreach (var phase in new[] { "baseline", "attack", "detection", "restore", "verify" })
        {
            Assert.Matches($"<g class=\"phase phase-{phase}\"><title>[^<]+</title>", html);
        }

        Assert.Contains("<g class=\"phase phase-rollback absent\"><title>Rollback: did not happen</title>", html, StringComparison.Ordinal);
    }

    private string Render(string run, ReportLanguage language) =>
        _report.Render(Outcomes.Contains(run) ? OutcomeRuns.Named(run) : RecoveryRuns.Named(run), SampleRuns.Context with { Language = language });

    /// <summary>What a reader sees: no style sheet, no tags, no commands (a command is a technical value, not a label).</summary>
    private static string VisibleText(string html)
    {
        // Raw observations are the record's own text, printed as captured in every language.
        var text = Regex.Replace(html, "<style>.*?</style>|<code>.*?</code>|<td class=\"raw\">.*?</td>", " ", RegexOptions.Singleline);
        text = Regex.Replace(text, "<[^>]+>", " ");
        return Regex.Replace(text, @"\s+", " ");
    }

    // Latin letters with the marks Vietnamese uses (Latin-1 and Extended-A/B, Latin Extended Additional), not × or ÷.
    [GeneratedRegex("[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u01B0\u1EA0-\u1EF9]")]
    private static partial Regex VietnameseLetters();
}
