using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Answers http and tcp probes from the fake engine's state: up while the container runs and serves its index page.</summary>
internal sealed class FakeNetworkProbe(FakeContainerRuntime runtime, string containerName, string indexPath) : INetworkProbe
{
    public Task<ProbeResult> HttpAsync(string url, int expectStatus, string? contains, CheckReach reach, CancellationToken cancellationToken)
    {
        var container = runtime.ByName(containerName);
        if (container?.Status is not ContainerStatus.Running)
        {
            return Task.FromResult(ProbeResult.Fail("ConnectionRefused"));
        }

        var content = runtime.ReadFile(containerName, indexPath);
        var body = content is null ? null : System.Text.Encoding.UTF8.GetString(content);
        var status = body is null ? 404 : 200;
        var passed = status == expectStatus && (contains is null || (body?.Contains(contains, StringComparison.Ordinal) ?? false));
        return Task.FromResult(new ProbeResult(passed, $"HTTP {status}"));
    }

    public Task<ProbeResult> TcpAsync(string host, int port, CheckReach reach, CancellationToken cancellationToken) =>
        Task.FromResult(runtime.ByName(containerName)?.Status is ContainerStatus.Running
            ? ProbeResult.Pass("connected")
            : ProbeResult.Fail("ConnectionRefused"));
}
