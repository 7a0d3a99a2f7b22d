using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Support.Browser;
using Drills.Reports.Index;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>
/// The CIO index, built from runs kept in a real SQLite run store and opened from file:// in Debian's
/// Chromium: the worst system on top with its flags showing, and a page that runs and fetches nothing.
/// </summary>
public sealed class IndexBrowserTests(ChromiumSession browser, ITestOutputHelper output) : IClassFixture<ChromiumSession>, IDisposable
{
    private const string Failing = "zzz-failing";
    private const string Passing = "aaa-passing";

    private readonly string _data = Directory.CreateTempSubdirectory("drills-index-browser-").FullName;

    [Fact]
    public async Task Failing_system_comes_first_flagged_overdue_and_the_page_runs_and_fetches_nothing()
    {
        await using var page = await browser.OpenAsync(WriteIndex(), output);

        var rows = page.Page.Locator("#systems tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal(Failing, await rows.Nth(0).GetAttributeAsync("data-system"));
        Assert.Equal(Passing, await rows.Nth(1).GetAttributeAsync("data-system"));
        Assert.Contains("Failed", await rows.Nth(0).Locator(".outcome").InnerTextAsync());
        Assert.True(await rows.Nth(0).Locator(".overdue-flag").IsVisibleAsync(), "the failing system's overdue flag shows");
        Assert.Equal(0, await rows.Nth(1).Locator(".overdue-flag").CountAsync());
        Assert.Equal("1", (await page.Page.Locator("#total-overdue").InnerTextAsync()).Trim());
        Assert.Empty(page.Dialogs);
        Assert.Empty(page.PageErrors);
        Assert.Empty(page.ConsoleErrors);
        Assert.Empty(page.NetworkAttempts);
        Assert.Equal(0, await page.Page.Locator("script").CountAsync());
        await page.ScreenshotAsync("cio-index");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>
    /// Stores a system that failed its only drill, over a year ago (so it is overdue too), and one that
    /// passed last month using more of its target; sorted by id or by share of target, the passing one would lead.
    /// </summary>
    private string WriteIndex()
    {
        var store = new SqliteRunStore(Path.Combine(_data, "drills.db"));
        foreach (var run in new[]
        {
            Run(Failing, RunOutcome.Failed, Now.AddMonths(-13), TimeSpan.FromMinutes(1)),
            Run(Passing, RunOutcome.Passed, Now.AddMonths(-1), TimeSpan.FromHours(3)),
        })
        {
            store.Begin(run with { Outcome = RunOutcome.Running, EndedAtUtc = null });
            store.Complete(run);
        }

        var index = IndexBuilder.Build(Catalogue([Declared(Passing), Declared(Failing)]), store, Now, IndexFilter.All);
        var context = new IndexContext("0.1.0-test", TimeZoneInfo.Utc, BrowserArtifacts.Folder, BrowserArtifacts.Folder);
        return BrowserArtifacts.Write("cio-index.html", IndexPage.Render(index, context));
    }
}
