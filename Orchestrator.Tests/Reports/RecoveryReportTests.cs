using System.Text.RegularExpressions;
using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// The report of a run with data loss met and missed, restored from the drill's own snapshot, fallen back to the
/// offline copy, refused by the readiness gate, and with something left behind: each figure under its stable id.
/// </summary>
public sealed partial class RecoveryReportTests
{
    private readonly AfterActionReport _report = new();

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    [InlineData("both")]
    public void Data_loss_within_rpo_shows_its_figures_by_id(string lang)
    {
        var html = Render(RecoveryRuns.LossMet(), lang);

        Assert.Equal("10", Figure(html, "data-loss-written"));
        Assert.Equal("6", Figure(html, "data-loss-present"));
        Assert.Equal("4", Figure(html, "data-loss-lost"));
        Assert.Equal("900 ms", Figure(html, "data-loss-window"));
        Assert.Equal("1 min", Figure(html, "data-loss-rpo"));
        Assert.Contains("id=\"data-loss-rpo\">1 min</td><td class=\"note\">", html, StringComparison.Ordinal);
        Assert.Matches("class=\"value tone-good\" id=\"data-loss-rpo\"", html);
        Assert.Contains("23/11/2026 02:00:00.200 +07:00 → 02:00:00.800 +07:00 (600 ms)", Figure(html, "data-loss-span"), StringComparison.Ordinal);
        Assert.Contains(lang == "vi" ? $"Bản sao lưu {RecoveryRuns.BackupId} (bản trực tuyến)" : RecoveryRuns.BackupId, Figure(html, "data-loss-backup"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"data-loss-not-measured\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_loss_section_comes_after_the_metrics_with_its_bilingual_title()
    {
        var html = Render(RecoveryRuns.LossMet(), "both");

        Assert.Contains("<section id=\"data-loss\">\n  <h2><span class=\"num\">5.</span> " + SampleRuns.Both("Mất dữ liệu", "Data loss"), html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"metrics\"", StringComparison.Ordinal) < html.IndexOf("id=\"data-loss\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_marker_chart_draws_every_marker_the_backup_and_T0()
    {
        var html = Render(RecoveryRuns.LossMissed(), "en");

        var svg = Regex.Match(html, "<svg id=\"data-loss-chart\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(5, Regex.Count(svg, "<g class=\"marker marker-present\">"));
        Assert.Equal(3, Regex.Count(svg, "<g class=\"marker marker-lost\">"));
        Assert.Single(Regex.Matches(svg, "<g class=\"marker marker-defect\"><title>m-01 — backup defect — 01:59:59.000 \\+07:00</title>"));
        Assert.Single(Regex.Matches(svg, "<g class=\"marker marker-failed\">"));
        Assert.Contains("<g class=\"moment moment-backup\">", svg, StringComparison.Ordinal);
        Assert.Contains("<g class=\"moment moment-t0\">", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "Không đạt: cửa sổ mất dữ liệu vượt mục tiêu", "Dữ liệu bị mất vượt mục tiêu điểm khôi phục")]
    [InlineData("en", "Missed: the loss window exceeds the target", "Data loss exceeded the recovery point target: 3 record(s) lost, a 900 ms window against the 500 ms rpo_target.")]
    public void Data_loss_beyond_rpo_is_missed_in_the_section_the_verdict_and_the_gaps(string lang, string note, string verdict)
    {
        var html = Render(RecoveryRuns.LossMissed(), lang);

        Assert.Matches("class=\"value tone-bad\" id=\"data-loss-rpo\">500 ms<", html);
        Assert.Contains(note, html, StringComparison.Ordinal);
        Assert.Matches($"<p class=\"verdict\">[^<]*{Regex.Escape(verdict)}", html);
        Assert.Matches("class=\"findings gaps\">\\s*<li class=\"tone-bad\">", html);
        Assert.Equal("1", Figure(html, "data-loss-defects"));
        Assert.Equal("1", Figure(html, "data-loss-writes-failed"));
        Assert.Equal("3", Figure(html, "data-loss-lost"));
        Assert.Matches("<td class=\"raw\">m-07</td>", html);
        Assert.Matches("<td class=\"raw\">m-01</td>", html);
    }

    [Theory]
    [InlineData("vi", "Khôi phục từ bản chụp do chính cuộc diễn tập tạo, không phải từ bản sao lưu của cơ quan", "Không đo: diễn tập không khôi phục từ bản sao lưu nào cũ hơn thời điểm tấn công")]
    [InlineData("en", "Restored from the drill&#39;s own snapshot, not from an agency backup", "Not measured: the drill restored no backup older than its attack")]
    public void A_restore_from_the_drills_own_snapshot_says_so_and_why_no_loss_was_measured(string lang, string statement, string why)
    {
        var html = Render(RecoveryRuns.Named("baseline"), lang);

        Assert.Matches($"<td class=\"note\">{Regex.Escape(statement)}</td>", html);
        Assert.Matches($"<p id=\"data-loss-not-measured\" class=\"empty-state\">{Regex.Escape(why)}", html);
        Assert.Contains(statement, Regex.Match(html, "class=\"findings gaps\">.*?</ul>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restore_from_an_agency_backup_without_a_canary_says_none_was_declared()
    {
        var html = Render(RecoveryRuns.LossMet() with { DataLoss = null }, "en");

        Assert.Contains("Not measured: the system declares no canary", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "Bản sao lưu 20261122-185959-a1b2c3d4 (bản ngoại tuyến)",
        "dùng bản thay thế: Bản sao lưu 20261122-185959-a1b2c3d4 của p1: mã băm không khớp (bản trực tuyến, data.tar: cần sha256 0123456789ab…, thấy ba9876543210…); không dùng để khôi phục")]
    [InlineData("en", "Backup 20261122-185959-a1b2c3d4 (offline copy)",
        "fallback: Backup 20261122-185959-a1b2c3d4 of p1: its checksum does not match (online copy, data.tar: expected sha256 0123456789ab…, found ba9876543210…); refusing to restore from it")]
    public void A_fallback_names_the_copy_restored_and_why(string lang, string copy, string fallback)
    {
        var html = Render(RecoveryRuns.Named("fallback"), lang);

        Assert.Matches($"<td class=\"value tone-warn\">{Regex.Escape(copy)}</td><td class=\"note\">[^<]*{Regex.Escape(fallback)}", html);
    }

    [Theory]
    [InlineData("vi", "Chưa bắt đầu", "Diễn tập chưa bắt đầu: cổng kiểm tra sẵn sàng không đạt (bản sao lưu, dung lượng đĩa); hệ thống không bị tác động.")]
    [InlineData("en", "Not started", "The drill did not start: the readiness gate failed (the backup, disk space); nothing was touched.")]
    public void A_run_the_gate_refused_reads_not_started_with_its_reasons(string lang, string outcome, string verdict)
    {
        var html = Render(RecoveryRuns.Refused(), lang);

        Assert.Contains($"id=\"outcome\" class=\"badge tone-warn\">{outcome}<", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"verdict\">{verdict}</p>", html, StringComparison.Ordinal);
        Assert.Matches("<tr><td>[^<]+</td><td class=\"result tone-bad\"><span class=\"tick\">✘</span> [^<]+</td><td class=\"raw\">b-2</td></tr>", html);
        Assert.Matches("<tr><td>[^<]+</td><td class=\"result tone-good\"><span class=\"tick\">✔</span> [^<]+</td><td class=\"raw\">i-1</td></tr>", html);
        Assert.True(html.IndexOf("id=\"readiness\"", StringComparison.Ordinal) < html.IndexOf("id=\"timeline\"", StringComparison.Ordinal));
        Assert.Contains("id=\"readiness-result\" class=\"tone-bad\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "Còn sót lại")]
    [InlineData("en", "Left behind")]
    public void Cleanup_with_leftovers_lists_them_in_the_annex_and_the_plan(string lang, string left)
    {
        var html = Render(RecoveryRuns.Named("leftovers"), lang);

        Assert.Contains("<p id=\"cleanup-status\" class=\"tone-bad\">", html, StringComparison.Ordinal);
        Assert.Contains($"<tr><td class=\"raw\">h-2</td><td class=\"result tone-bad\"><span class=\"tick\">✘</span> {left}</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"raw\">h-1</td><td class=\"result tone-good\">", html, StringComparison.Ordinal);
        Assert.Matches("<td class=\"owner\">A-1</td><td class=\"raw\">h-2</td>", html);
        Assert.True(html.IndexOf("id=\"evidence\"", StringComparison.Ordinal) < html.IndexOf("id=\"cleanup\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("vi", "Không để lại gì")]
    [InlineData("en", "Nothing left behind")]
    public void A_clean_run_says_nothing_was_left_behind(string lang, string clean)
    {
        var html = Render(RecoveryRuns.LossMet(), lang);

        Assert.Contains($"<p id=\"cleanup-status\" class=\"tone-good\">{clean}:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_recorded_before_these_fields_shows_no_gate_no_cleanup_and_says_why_no_loss_was_measured()
    {
        var html = Render(OutcomeRuns.Passed(), "en");

        Assert.DoesNotContain("id=\"readiness\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cleanup\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"data-loss-not-measured\"", html, StringComparison.Ordinal);
    }

    private string Render(RunRecord run, string lang) =>
        _report.Render(run, SampleRuns.Context with { Language = Enum.Parse<ReportLanguage>(lang, ignoreCase: true) });

    /// <summary>The text of the element with this id, tags removed.</summary>
    private static string Figure(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{id}\">(?<text>.*?)</td>", RegexOptions.Singleline);
        Assert.True(match.Success, $"#{id} is in the report");
        return Regex.Replace(match.Groups["text"].Value, "<[^>]+>", "").Trim();
    }
}
