using System.Net;
using System.Net.Sockets;
using Drills.Orchestrator.Docker;
using Serilog.Core;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

/// <summary>Shared helpers for tests against the machine's real Docker Engine.</summary>
internal static class TestEngine
{
    /// <summary>Every container these tests make starts with this, so a stray one is easy to find and remove.</summary>
    public const string NamePrefix = "drills-test-";

    public static DockerContainerRuntime Runtime() => new(Logger.None, endpoint: null, TimeProvider.System);

    public static string UniqueName(string purpose) => $"{NamePrefix}{purpose}-{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>A token that ends a test stuck on the engine instead of hanging the whole run.</summary>
    public static CancellationToken Timeout(TimeSpan? limit = null) =>
        new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(2)).Token;

    /// <summary>The sample images come from scripts/setup; a missing one is a setup error, never a reason to skip.</summary>
    public static async Task RequireImageAsync(IContainerRuntime runtime, string image, CancellationToken cancellationToken)
    {
        if (!await runtime.ImageExistsAsync(image, cancellationToken))
        {
            Assert.Fail($"Image {image} is missing: run scripts/setup first (it builds every sample image locally).");
        }
    }

    /// <summary>A host port nobody listens on right now, so parallel tests never fight over one.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes.</summary>
    public static async Task EventuallyAsync(string what, TimeSpan limit, Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + limit;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception error) when (error is HttpRequestException or DockerOperationException or IOException)
            {
                // Not ready yet: the service is still starting. Keep the reason for the failure message.
                last = error;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting until {what}. Last error: {last?.Message ?? "none"}");
    }

    /// <summary>Removes a test container if it is still there; cleanup must not fail a test that already removed it.</summary>
    public static async Task RemoveIfPresentAsync(IContainerRuntime runtime, string name)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (await runtime.FindByNameAsync(name, cts.Token) is { } container)
        {
            await runtime.RemoveAsync(container.Id, cts.Token);
        }
    }
}
