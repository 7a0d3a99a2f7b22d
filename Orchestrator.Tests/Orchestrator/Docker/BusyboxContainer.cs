using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

/// <summary>
/// A uniquely named, running busybox container with /data/a.txt holding "hello"; removed (forced)
/// when the test ends. Each test gets its own, so state changes in one never leak into another.
/// </summary>
internal sealed class BusyboxContainer : IAsyncLifetime
{
    public const string Image = "drills/busybox:1";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["drills.target"] = "docker-runtime-tests",
        ["drills.test"] = "true",
    };

    public DockerContainerRuntime Runtime { get; } = TestEngine.Runtime();

    public string Name { get; } = TestEngine.UniqueName("box");

    public string Id { get; private set; } = string.Empty;

    public CancellationToken Token { get; } = TestEngine.Timeout();

    public async Task InitializeAsync()
    {
        await TestEngine.RequireImageAsync(Runtime, Image, Token);
        var spec = new ContainerSpec(
            Image,
            Name,
            Ports: [],
            Volumes: [],
            Env: new Dictionary<string, string> { ["GREETING"] = "xin chào" },
            Command: ["sh", "-c", "mkdir -p /data && echo hello > /data/a.txt && while :; do sleep 1; done"]);
        Id = await Runtime.CreateAsync(spec, Labels, Token);
        await Runtime.StartAsync(Id, Token);
        await TestEngine.EventuallyAsync(
            "/data/a.txt exists",
            TimeSpan.FromSeconds(10),
            async () => (await Runtime.ExecAsync(Id, ["test", "-f", "/data/a.txt"], Token)).Succeeded,
            Token);
    }

    public async Task DisposeAsync()
    {
        await TestEngine.RemoveIfPresentAsync(Runtime, Name);
        Runtime.Dispose();
    }
}
