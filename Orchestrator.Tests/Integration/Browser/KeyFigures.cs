using Microsoft.Playwright;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>Reads the report's key figures as a reader sees them, by the stable ids the template gives them.</summary>
internal static class KeyFigures
{
    public static Task<string> OutcomeAsync(IPage page) => ReadAsync(page, "outcome");

    public static Task<string> RecoveryTimeAsync(IPage page) => ReadAsync(page, "recovery-time");

    public static Task<string> TargetAsync(IPage page) => ReadAsync(page, "target");

    /// <summary>Any figure by its stable id (<c>data-loss-lost</c>, …), as the reader sees it.</summary>
    public static async Task<string> ReadAsync(IPage page, string id)
    {
        var figure = page.Locator($"#{id}");
        Assert.True(await figure.IsVisibleAsync(), $"the key figure #{id} is on the page and visible");
        return (await figure.InnerTextAsync()).Trim();
    }
}
