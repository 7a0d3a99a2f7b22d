using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Support.Browser;

/// <summary>
/// A tab and what happened in it: console messages, uncaught page errors, dialogs (an alert is an
/// injected script that ran) and every request for anything that is not a local file, which is
/// blocked. A self-contained page has none of the last three.
/// </summary>
internal sealed class BrowserPage : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _dialogs = new();
    private readonly ConcurrentQueue<string> _networkAttempts = new();

    public BrowserPage(IPage page, ITestOutputHelper output)
    {
        Page = page;
        _output = output;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue(message.Text);
            }
        };
        page.PageError += (_, error) => _pageErrors.Enqueue(error);
        page.Dialog += async (_, dialog) =>
        {
            _dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    public IReadOnlyCollection<string> ConsoleErrors => _consoleErrors;

    public IReadOnlyCollection<string> PageErrors => _pageErrors;

    public IReadOnlyCollection<string> Dialogs => _dialogs;

    public IReadOnlyCollection<string> NetworkAttempts => _networkAttempts;

    public async Task GoToAsync(Uri file)
    {
        await Page.RouteAsync("**/*", async route =>
        {
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
                return;
            }

            _networkAttempts.Enqueue($"{route.Request.Method} {route.Request.Url}");
            await route.AbortAsync("blockedbyclient");
        });
        await Page.GotoAsync(file.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
    }

    /// <summary>Saves a full-page screenshot as a test artefact and prints its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = BrowserArtifacts.PathFor(name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Announce($"Screenshot: {path}");
        return path;
    }

    /// <summary>Prints the page to an A4 PDF (print CSS applies) saved as a test artefact, and prints its path.</summary>
    public async Task<(string Path, byte[] Bytes)> PdfAsync(string name)
    {
        var path = BrowserArtifacts.PathFor(name + ".pdf");
        var bytes = await Page.PdfAsync(new PagePdfOptions { Path = path, Format = "A4", PrintBackground = true });
        Announce($"PDF: {path} ({bytes.Length} bytes, {PdfPages.Count(bytes)} pages)");
        return (path, bytes);
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    /// <summary>
    /// Names an artefact in the test's own output (shown when it fails) and on the run's console
    /// (shown by `dotnet test` for passing tests too), so a reader finds it either way.
    /// </summary>
    public void Announce(string line)
    {
        _output.WriteLine(line);
        Console.WriteLine(line);
    }

    // data: URIs are inline content, not requests that leave the file.
    private static bool IsLocal(string url) =>
        url.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("about:", StringComparison.OrdinalIgnoreCase);
}
