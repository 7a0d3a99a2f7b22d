using Docker.DotNet;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class The_records_db_sample_image : IAsyncLifetime
{
    private const string Image = "drills/records-db:1";

    private static readonly string[] CountCitizens =
        ["psql", "-U", "postgres", "-h", "127.0.0.1", "-d", "records", "-tAc", "select count(*) from citizens"];

    private readonly DockerContainerRuntime _runtime = TestEngine.Runtime();
    private readonly string _name = TestEngine.UniqueName("records");
    private readonly CancellationToken _token = TestEngine.Timeout();
    private string _id = string.Empty;

    /// <summary>A fresh named volume, as the catalogue mounts one: Docker seeds it from the image.</summary>
    private string Volume => _name + "-data";

    public async Task InitializeAsync()
    {
        await TestEngine.RequireImageAsync(_runtime, Image, _token);
        var spec = new ContainerSpec(
            Image, _name, [], [$"{Volume}:/var/lib/postgresql/data"], new Dictionary<string, string>(), []);
        _id = await _runtime.CreateAsync(spec, new Dictionary<string, string>(), _token);
        await _runtime.StartAsync(_id, _token);
    }

    public async Task DisposeAsync()
    {
        await TestEngine.RemoveIfPresentAsync(_runtime, _name);
        _runtime.Dispose();
        // The runtime has no volume calls (drills never delete data), so the test cleans up its own.
        using var client = new DockerClientBuilder().Build();
        await client.Volumes.RemoveAsync(Volume, force: true);
    }

    [Fact]
    public async Task Answers_psql_with_1000_seeded_citizens()
    {
        await WaitForCountAsync();
    }

    [Fact]
    public async Task Stays_up_when_postgres_is_stopped_and_brings_it_back_on_restart()
    {
        await WaitForCountAsync();

        var stop = await _runtime.ExecAsync(
            _id, ["su", "postgres", "-c", "pg_ctl -D /var/lib/postgresql/data -m fast -w stop"], _token);
        var whileStopped = await _runtime.InspectAsync(_id, _token);
        var query = await _runtime.ExecAsync(_id, CountCitizens, _token);
        await _runtime.RestartAsync(_id, TimeSpan.FromSeconds(10), _token);

        Assert.True(stop.Succeeded, stop.Stderr);
        Assert.Equal(ContainerStatus.Running, whileStopped.Status);
        Assert.False(query.Succeeded);
        await WaitForCountAsync();
    }

    private Task WaitForCountAsync() =>
        TestEngine.EventuallyAsync(
            "psql counts 1000 citizens",
            TimeSpan.FromSeconds(60),
            async () => (await _runtime.ExecAsync(_id, CountCitizens, _token)).Stdout.Trim() == "1000",
            _token);
}
