using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Support.Browser;

/// <summary>
/// One Debian Chromium per test class, driven by Playwright for .NET: headless, in a fresh profile
/// that is removed afterwards. Playwright's node driver comes with its NuGet package; the browser is
/// the one scripts/setup installs, never one Playwright downloads.
/// </summary>
public sealed class ChromiumSession : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Generous upper bounds, not expectations: the suite runs with another process eating a core.
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ActionTimeout = TimeSpan.FromMinutes(1);

    private static readonly string[] Flags =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private string? _profile;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing, so the browser tests cannot run. Run scripts/setup as root: it installs Debian's chromium.");
        }

        _profile = Directory.CreateTempSubdirectory("drills-chromium-").FullName;
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
            Timeout = (float)LaunchTimeout.TotalMilliseconds,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        _context.SetDefaultNavigationTimeout((float)ActionTimeout.TotalMilliseconds);
    }

    /// <summary>Opens a local file in a new tab, watched from before its first byte, and waits for its load event.</summary>
    internal async Task<BrowserPage> OpenAsync(string file, ITestOutputHelper output)
    {
        var context = _context ?? throw new InvalidOperationException("the browser has not started");
        var page = new BrowserPage(await context.NewPageAsync(), output);
        await page.GoToAsync(new Uri(Path.GetFullPath(file)));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            // Closing a persistent context ends the browser process, so its profile can go.
            await _context.CloseAsync();
        }

        _playwright?.Dispose();
        if (_profile is not null)
        {
            Directory.Delete(_profile, recursive: true);
        }
    }
}
