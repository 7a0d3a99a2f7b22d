using System.Diagnostics;
using Drills.Orchestrator.Tests.Reports;

namespace Drills.Orchestrator.Tests.Samples;

/// <summary>
/// The sample portal's entrypoint (samples/portal/entrypoint.sh) run by the host's /bin/sh, with a stand-in nginx that
/// only says it was started: START_DELAY holds it back for whole or decimal seconds, and anything else is refused.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PortalEntrypointTests : IDisposable
{
    private readonly string _bin = Directory.CreateTempSubdirectory("drills-test-entrypoint-").FullName;

    public PortalEntrypointTests()
    {
        File.WriteAllText(Path.Combine(_bin, "nginx"), "#!/bin/sh\necho \"nginx started: $*\"\n");
        File.SetUnixFileMode(Path.Combine(_bin, "nginx"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        File.CreateSymbolicLink(Path.Combine(_bin, "sleep"), File.Exists("/usr/bin/sleep") ? "/usr/bin/sleep" : "/bin/sleep");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("")]
    public async Task No_delay_starts_nginx_at_once(string delay)
    {
        var (exit, stdout, stderr, _) = await EntrypointAsync(delay);

        Assert.Equal(0, exit);
        Assert.Equal("nginx started: -g daemon off;", stdout.Trim());
        Assert.DoesNotContain("waiting", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("1", 1)]
    [InlineData("0.5", 0.5)]
    public async Task A_whole_or_decimal_delay_holds_nginx_back_that_long(string delay, double seconds)
    {
        var (exit, stdout, stderr, took) = await EntrypointAsync(delay);

        Assert.Equal(0, exit);
        Assert.Contains($"waiting {delay}s before starting nginx", stderr, StringComparison.Ordinal);
        Assert.Equal("nginx started: -g daemon off;", stdout.Trim());
        Assert.True(took >= TimeSpan.FromSeconds(seconds), $"nginx started after {took}, before its delay of {delay} s");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData("-1")]
    [InlineData("1e3")]
    [InlineData("0.1234")]
    [InlineData(" 1")]
    [InlineData("1,5")]
    public async Task Anything_but_seconds_with_up_to_three_decimals_is_refused_without_starting_nginx(string delay)
    {
        var (exit, stdout, stderr, _) = await EntrypointAsync(delay);

        Assert.Equal(2, exit);
        Assert.Contains($"START_DELAY must be seconds, whole or with up to three decimals (2, 0.5, 1.25), got '{delay}'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nginx started", stdout, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr, TimeSpan Took)> EntrypointAsync(string delay)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(JournalSources.RepositoryRoot(), "samples", "portal", "entrypoint.sh"));
        info.Environment["PATH"] = _bin;
        info.Environment["START_DELAY"] = delay;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await stdout, await stderr, Stopwatch.GetElapsedTime(started));
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}
