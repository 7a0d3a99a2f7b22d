using Drills.Orchestrator.Tests.Support.Browser;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>
/// The harness sees what it is meant to catch: a page that misbehaves in every way the report
/// tests look for is caught in each of them, so their empty lists mean something.
/// </summary>
public sealed class ChromiumSessionTests(ChromiumSession browser, ITestOutputHelper output) : IClassFixture<ChromiumSession>
{
    private const string Misbehaving = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>misbehaving</title></head>
        <body>
        <p>A page that does everything a report must not.</p>
        <script>console.error("console says no");</script>
        <script>alert("dialog");</script>
        <img src="http://127.0.0.1:9/beacon.png" alt="">
        <script>throw new Error("uncaught in page");</script>
        </body></html>
        """;

    [Fact]
    public async Task Harness_records_console_errors_page_errors_dialogs_and_blocked_requests()
    {
        var file = BrowserArtifacts.Write("harness-misbehaving.html", Misbehaving);

        await using var page = await browser.OpenAsync(file, output);

        Assert.Contains(page.ConsoleErrors, m => m.Contains("console says no", StringComparison.Ordinal));
        Assert.Contains(page.PageErrors, e => e.Contains("uncaught in page", StringComparison.Ordinal));
        Assert.Contains(page.Dialogs, d => d == "alert: dialog");
        Assert.Contains(page.NetworkAttempts, r => r == "GET http://127.0.0.1:9/beacon.png");
        Assert.Equal(3, await page.Page.Locator("script").CountAsync());
    }
}
