using Microsoft.Playwright;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>
/// Reads the report's key figures as a reader sees them: by their stable id when the template gives
/// one, else by the English label of the summary figure that holds them.
/// </summary>
internal static class KeyFigures
{
    public static Task<string> OutcomeAsync(IPage page) => ReadAsync(page, "outcome", "Outcome");

    public static Task<string> RecoveryTimeAsync(IPage page) => ReadAsync(page, "recovery-time", "Recovery time");

    public static Task<string> TargetAsync(IPage page) => ReadAsync(page, "target", "Target");

    private static async Task<string> ReadAsync(IPage page, string id, string label)
    {
        var byId = page.Locator($"#{id}");
        var figure = await byId.CountAsync() > 0
            ? byId
            : page.Locator("#summary .figure")
                .Filter(new() { Has = page.Locator(".figure-label", new() { HasText = label }) })
                .Locator(".figure-value, .badge");
        Assert.True(await figure.First.IsVisibleAsync(), $"the key figure '{label}' is visible");
        return (await figure.First.InnerTextAsync()).Trim();
    }
}
