using System.Diagnostics;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

/// <summary>Named volumes through the real engine: inspect, create with labels, and who mounts one.</summary>
public sealed class Docker_runtime_manages_named_volumes : IAsyncLifetime
{
    private readonly string _volume = "drills-test-own-vol-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _container = "drills-test-own-user-" + Guid.NewGuid().ToString("N")[..12];
    private readonly global::Drills.Orchestrator.Docker.DockerContainerRuntime _runtime = TestEngine.Runtime();
    private readonly CancellationToken _token = TestEngine.Timeout();

    [Fact]
    public async Task A_volume_that_does_not_exist_inspects_as_null()
    {
        Assert.Null(await _runtime.InspectVolumeAsync(_volume, _token));
    }

    [Fact]
    public async Task A_created_volume_carries_its_labels_the_local_driver_and_no_options()
    {
        await _runtime.CreateVolumeAsync(_volume, new Dictionary<string, string> { ["drills.target"] = "volume-tests" }, _token);

        var volume = await _runtime.InspectVolumeAsync(_volume, _token);

        Assert.NotNull(volume);
        Assert.Equal("local", volume!.Driver);
        Assert.Equal("volume-tests", volume.Labels["drills.target"]);
        Assert.Empty(volume.Options);
    }

    [Fact]
    public async Task A_bind_backed_local_volume_shows_its_driver_options()
    {
        Docker("volume", "create", "--driver", "local", "--opt", "type=none", "--opt", "o=bind", "--opt", "device=/tmp", _volume);

        var volume = await _runtime.InspectVolumeAsync(_volume, _token);

        Assert.Equal("bind", volume!.Options["o"]);
        Assert.Equal("/tmp", volume.Options["device"]);
    }

    [Fact]
    public async Task Containers_mounting_a_volume_are_listed_with_their_labels()
    {
        await _runtime.CreateVolumeAsync(_volume, new Dictionary<string, string>(), _token);
        var spec = new ContainerSpec(BusyboxContainer.Image, _container, [], [$"{_volume}:/data"], new Dictionary<string, string>(), ["sleep", "3600"]);
        await _runtime.CreateAsync(spec, new Dictionary<string, string> { ["drills.test"] = "true" }, _token);

        var users = await _runtime.ContainersUsingVolumeAsync(_volume, _token);

        var user = Assert.Single(users);
        Assert.Equal(_container, user.Name);
        Assert.Equal("true", user.Labels["drills.test"]);
    }

    private static void Docker(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestEngine.RemoveIfPresentAsync(_runtime, _container);
        using var remove = Process.Start(new ProcessStartInfo("docker", ["volume", "rm", "-f", _volume]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await remove.WaitForExitAsync();
        _runtime.Dispose();
    }
}
