using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class Docker_runtime_reports_the_engine_and_its_images : IDisposable
{
    private const string MissingImage = "drills/never-built:0";

    private readonly DockerContainerRuntime _runtime = TestEngine.Runtime();
    private readonly CancellationToken _token = TestEngine.Timeout();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task Ping_returns_the_engine_version()
    {
        var version = await _runtime.PingAsync(_token);

        Assert.Matches(@"^\d+\.\d+", version);
    }

    [Fact]
    public async Task An_image_built_by_setup_exists_and_an_unknown_one_does_not()
    {
        Assert.True(await _runtime.ImageExistsAsync(BusyboxContainer.Image, _token), "run scripts/setup first");
        Assert.False(await _runtime.ImageExistsAsync(MissingImage, _token));
    }

    [Fact]
    public async Task Creating_from_a_missing_image_fails_with_an_operation_error_naming_the_fix()
    {
        var name = TestEngine.UniqueName("noimage");
        var spec = new ContainerSpec(MissingImage, name, [], [], new Dictionary<string, string>(), []);

        var error = await Assert.ThrowsAsync<DockerOperationException>(
            () => _runtime.CreateAsync(spec, new Dictionary<string, string>(), _token));

        Assert.Contains(MissingImage, error.Message);
        Assert.Contains("./drills setup", error.Message);
        Assert.Null(await _runtime.FindByNameAsync(name, _token));
    }
}
