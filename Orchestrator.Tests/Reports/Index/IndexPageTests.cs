using System.Text.RegularExpressions;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Reports.Index;

public sealed partial class IndexPageTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private static readonly IndexContext Context = new("0.1.0-test", TimeZoneInfo.Utc, "/var/lib/drills/reports", "/var/lib/drills/reports");

    private static string Page(IndexFilter? filter = null) => IndexPage.Render(Build(
        Catalogue([Declared("portal", title: "Portal " + Script), Declared("records", level: 4), Declared("never", level: 2)]),
        [
            Run("portal", RunOutcome.Passed, Now.AddMonths(-2), TimeSpan.FromMinutes(30)),
            Run("portal", RunOutcome.Passed, Now.AddMonths(-1), TimeSpan.FromMinutes(90)),
            Run("records", RunOutcome.Failed, Now.AddMonths(-1), TimeSpan.FromHours(5), level: 4) with { DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(0, 0), rpoSeconds: 0.5) },
            Run("retired", RunOutcome.Aborted, Now.AddMonths(-14), null, title: "Old " + Image, agency: "Agency " + Script),
        ],
        filter), Context);

    [Fact]
    public void Markup_in_a_title_or_agency_renders_as_text()
    {
        var html = Page();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Portal &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Old &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var html = Page();

        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("Chỉ số sẵn sàng khôi phục", html, StringComparison.Ordinal);
        Assert.Contains("Recovery readiness index", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_figures_carry_the_ids_and_classes_a_browser_test_finds()
    {
        var html = Page();

        Assert.Contains("<table id=\"systems\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"totals\"", html, StringComparison.Ordinal);
        Assert.Matches("<dd id=\"total-systems\">4</dd>", html);
        Assert.Matches("<dd id=\"total-failing\">2</dd>", html);
        Assert.Matches("<dd id=\"total-overdue\">2</dd>", html);
        var rows = SystemRow().Matches(html).Select(m => (Classes: m.Groups[1].Value, System: m.Groups[2].Value)).ToArray();
        // Never drilled and not recovered both have no recovery to compare: the id decides.
        Assert.Equal(["never", "retired", "records", "portal"], rows.Select(r => r.System));
        Assert.Equal("system-row overdue", rows[0].Classes);
        Assert.Equal("system-row failing overdue not-in-catalogue", rows[1].Classes);
        Assert.Equal("system-row failing", rows[2].Classes);
        Assert.Equal("system-row", rows[3].Classes);
    }

    [Fact]
    public void Each_drilled_row_links_its_last_report_and_draws_its_trend_against_the_target()
    {
        var html = Page();

        Assert.Contains("href=\"20261101-080000-portal-passed.html\"", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<svg class=\"chart\""));
        Assert.Equal(3, Regex.Count(html, "class=\"target-line\""));
        Assert.Equal(4, Regex.Count(html, "<rect class=\"bar "));
        Assert.Contains("không khôi phục / not recovered", html, StringComparison.Ordinal);
        Assert.Contains("1 drill in the last 12 months", html, StringComparison.Ordinal);
        Assert.Contains("cadence yearly", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_loss_column_shows_the_last_measured_window_against_rpo_target_flagged_when_missed()
    {
        var html = Page();

        Assert.Contains("Data loss (last drill)", html, StringComparison.Ordinal);
        var cells = Regex.Matches(html, "<td class=\"data-loss\">(.*?)</td>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(4, cells.Length);
        var records = Assert.Single(cells, c => c.Contains("loss-window", StringComparison.Ordinal));
        Assert.Contains("<span class=\"loss-window tone-bad\">900 ms</span> / <span class=\"rpo-target\">500 ms</span>", records, StringComparison.Ordinal);
        Assert.Contains("4 bản ghi mất", records, StringComparison.Ordinal);
        Assert.Contains("<span class=\"rpo-flag\">", records, StringComparison.Ordinal);
        Assert.Equal(3, cells.Count(c => c.Contains("Chưa đo", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_report_link_is_relative_to_the_folder_the_page_is_written_to()
    {
        var context = Context with { PageFolder = "/srv/share/cio" };

        Assert.Equal("../../../var/lib/drills/reports/run%201.html", context.LinkTo("/old/place/reports/run 1.html"));
        Assert.Equal("run-1.html", Context.LinkTo("/moved/reports/run-1.html"));
        Assert.Null(Context.LinkTo(null));
    }

    [Fact]
    public void A_filtered_page_says_its_filter()
    {
        var html = Page(new IndexFilter(Level: 4));

        Assert.Contains("cấp độ / level = 4", html, StringComparison.Ordinal);
        Assert.Single(SystemRow().Matches(html));
    }

    [GeneratedRegex("(?:src|href)=\"(?:https?:)?//|<link|@import|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("<tr class=\"([^\"]*)\" data-system=\"([^\"]*)\">")]
    private static partial Regex SystemRow();
}
