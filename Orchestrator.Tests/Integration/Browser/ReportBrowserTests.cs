using Drills.Orchestrator.Tests.Reports;
using Drills.Orchestrator.Tests.Support.Browser;
using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>
/// The after-action report opened from file:// in Debian's Chromium: what a reader sees, what the
/// page does (nothing: no script, no request) and how it prints on A4.
/// </summary>
public sealed class ReportBrowserTests(ChromiumSession browser, ITestOutputHelper output) : IClassFixture<ChromiumSession>
{
    private readonly AfterActionReport _report = new();

    [Fact]
    public async Task Passed_report_shows_outcome_recovery_time_and_target()
    {
        await using var page = await OpenAsync(BrowserRuns.Passed(), "report-passed");

        Assert.Contains("Passed", await KeyFigures.OutcomeAsync(page.Page));
        Assert.Equal("2.4 s", await KeyFigures.RecoveryTimeAsync(page.Page));
        Assert.Equal("4 h", await KeyFigures.TargetAsync(page.Page));
        await page.ScreenshotAsync("report-passed");
    }

    [Fact]
    public async Task Failed_report_shows_the_miss_against_its_target()
    {
        await using var page = await OpenAsync(BrowserRuns.Failed(), "report-failed");

        Assert.Contains("Failed", await KeyFigures.OutcomeAsync(page.Page));
        Assert.Equal("5 h", await KeyFigures.RecoveryTimeAsync(page.Page));
        Assert.Equal("4 h", await KeyFigures.TargetAsync(page.Page));
        await page.ScreenshotAsync("report-failed");
    }

    [Fact]
    public async Task Data_loss_report_opens_clean_and_shows_its_figures_by_id()
    {
        await using var page = await OpenAsync(BrowserRuns.WithDataLoss(), "report-data-loss");

        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.NetworkAttempts);
        Assert.Equal("9", await KeyFigures.ReadAsync(page.Page, "data-loss-written"));
        Assert.Equal("3", await KeyFigures.ReadAsync(page.Page, "data-loss-lost"));
        Assert.Equal("900 ms", await KeyFigures.ReadAsync(page.Page, "data-loss-window"));
        Assert.Equal("500 ms", await KeyFigures.ReadAsync(page.Page, "data-loss-rpo"));
        Assert.True(await page.Page.Locator("#data-loss svg#data-loss-chart").IsVisibleAsync(), "the markers are drawn as an SVG chart");
        Assert.Equal(3, await page.Page.Locator("#data-loss-chart g.marker-lost").CountAsync());
        Assert.True(await VisibleTextCountAsync(page, BrowserRuns.ScriptTag) >= 2, "marker names with markup show as text");
        await page.ScreenshotAsync("report-data-loss");
    }

    [Theory]
    [InlineData("passed")]
    [InlineData("failed")]
    public async Task Markup_from_the_catalogue_and_the_container_shows_as_text_and_nothing_runs(string outcome)
    {
        await using var page = await OpenAsync(Run(outcome), $"report-inert-{outcome}");

        Assert.Empty(page.Dialogs);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.NetworkAttempts);
        Assert.Equal(0, await page.Page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        Assert.True(await VisibleTextCountAsync(page, BrowserRuns.ScriptTag) >= 2, "the title and the exec output show the script tag as text");
        Assert.True(await VisibleTextCountAsync(page, BrowserRuns.ImageTag) >= 2, "the title and the exec output show the image tag as text");
    }

    [Theory]
    [InlineData("passed")]
    [InlineData("failed")]
    public async Task Report_prints_to_a_few_A4_pages(string outcome)
    {
        await using var page = await OpenAsync(Run(outcome), $"report-print-{outcome}");

        var (_, pdf) = await page.PdfAsync($"report-{outcome}");

        Assert.True(PdfPages.LooksWhole(pdf), "Chromium wrote a whole PDF");
        Assert.True(pdf.Length > 10_000, $"a report's PDF carries text and tables, not {pdf.Length} bytes");
        Assert.InRange(PdfPages.Count(pdf), 1, 30);
    }

    [Theory]
    [InlineData("passed")]
    [InlineData("failed")]
    public async Task Every_section_shows_under_its_stable_id_and_every_in_page_link_lands(string outcome)
    {
        await using var page = await OpenAsync(Run(outcome), $"report-sections-{outcome}");

        foreach (var section in Sections)
        {
            Assert.True(await page.Page.Locator($"#{section}").IsVisibleAsync(), $"section #{section} is on the page and visible");
        }

        Assert.True(await page.Page.Locator("#timeline svg#gantt").IsVisibleAsync(), "the timeline is drawn as an SVG Gantt chart");

        Assert.Empty(await page.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[id]')].map(e => e.id).filter((id, i, all) => all.indexOf(id) !== i)"));
        Assert.Empty(await page.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.getAttribute('href')).filter(h => !document.getElementById(h.slice(1)))"));
    }

    private static readonly string[] Sections =
        ["cover", "summary", "overview", "regulatory", "timeline", "metrics", "data-loss", "analysis", "improvement", "evidence"];

    private static RunRecord Run(string outcome) => outcome == "failed" ? BrowserRuns.Failed() : BrowserRuns.Passed();

    private async Task<BrowserPage> OpenAsync(RunRecord run, string name)
    {
        var file = BrowserArtifacts.Write(name + ".html", _report.Render(run, SampleRuns.Context));
        var page = await browser.OpenAsync(file, output);
        page.Announce($"Report: {file}");
        return page;
    }

    // Visible elements of the body whose own text contains the string: the page shows it, not only its source.
    private static async Task<int> VisibleTextCountAsync(BrowserPage page, string text) =>
        await page.Page.Locator("body").GetByText(text).Filter(new() { Visible = true }).CountAsync();
}
