using Drills.Orchestrator.Docker;
using Serilog.Core;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class An_unreachable_Docker_Engine
{
    private static readonly Uri Nowhere = new("unix:///tmp/nonexistent.sock");

    [Fact]
    public async Task Fails_ping_with_DockerUnavailableException_that_names_the_fix()
    {
        using var runtime = new DockerContainerRuntime(Logger.None, Nowhere, TimeProvider.System);

        var error = await Assert.ThrowsAsync<DockerUnavailableException>(
            () => runtime.PingAsync(TestEngine.Timeout(TimeSpan.FromSeconds(30))));

        Assert.Contains("/tmp/nonexistent.sock", error.Message);
        Assert.Contains("./drills setup", error.Message);
        Assert.Contains("DOCKER_HOST", error.Message);
    }

    [Fact]
    public async Task Fails_every_operation_the_same_way()
    {
        using var runtime = new DockerContainerRuntime(Logger.None, Nowhere, TimeProvider.System);

        await Assert.ThrowsAsync<DockerUnavailableException>(
            () => runtime.FindByNameAsync("drills-citizen-portal", TestEngine.Timeout(TimeSpan.FromSeconds(30))));
    }
}
