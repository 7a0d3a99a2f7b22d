using System.Diagnostics;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// The docker command line, for test set-ups drills itself must never make (a host folder under a volume
/// name, a privileged container) and for reading what a refused drill must have left unchanged.
/// </summary>
internal static class DockerCli
{
    /// <summary>Runs docker and returns its trimmed stdout; fails the test on a non-zero exit.</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', args)} failed: {await stderr}");
        return (await stdout).Trim();
    }

    /// <summary>Removes a container and a volume of the test's own, if there; cleanup never fails a test.</summary>
    public static async Task RemoveAsync(string? container = null, string? volume = null)
    {
        foreach (var args in new[]
                 {
                     container is null ? null : new[] { "rm", "-f", container },
                     volume is null ? null : new[] { "volume", "rm", "-f", volume },
                 }.OfType<string[]>())
        {
            var start = new ProcessStartInfo("docker", args) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Removes a network of the test's own, if there; cleanup never fails a test.</summary>
    public static async Task RemoveNetworkAsync(string network)
    {
        var start = new ProcessStartInfo("docker", ["network", "rm", network]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
    }

    /// <summary>A file inside a volume, read by a short-lived container of the test's own.</summary>
    public static Task<string> ReadVolumeFileAsync(string volume, string file) =>
        RunAsync("run", "--rm", "--name", "drills-test-own-read-" + Guid.NewGuid().ToString("N")[..12],
            "-v", $"{volume}:/data:ro", "drills/busybox:1", "cat", "/data/" + file);
}
