using System.Text;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The `drills` command line against the real engine: exit codes, rollback and refusal.</summary>
[Collection(DockerCollection.Name)]
public sealed class CliDrillTests : IAsyncLifetime
{
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Drill_whose_restore_never_succeeds_aborts_at_max_duration_rolls_back_and_exits_4()
    {
        const string name = "drills-test-abort-portal";
        var yaml = Portal(name, 18184, Scenario("never-restored",
            "deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }",
            RestoreSteps("wait: 1s"), extra: "max_duration: 12s"));
        _h.Load(yaml);
        var file = await WriteAsync(yaml);

        var exit = await CliApp.RunAsync(["run", "never-restored", "--file", file, "--data-dir", _h.Folder], TimeProvider.System);
        var index = await _h.ExecAsync(name, "cat", "/srv/www/index.html");
        var container = await _h.Runtime.FindByNameAsync(name, CancellationToken.None);

        Assert.Equal(ExitCodes.Aborted, exit);
        Assert.Contains("Cổng dịch vụ công", index.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hacked", index.Stdout, StringComparison.Ordinal);
        Assert.Equal(Docker.ContainerStatus.Running, container!.Status);
        var run = Assert.Single(_h.Store.List(10));
        Assert.Equal(Drills.Scenarios.RunRecords.RunOutcome.Aborted, run.Outcome);
        Assert.True(run.RolledBack);
    }

    [Fact]
    public async Task Unlabelled_container_with_the_systems_name_is_refused_left_running_and_unchanged()
    {
        const string name = "drills-test-unlabelled";
        var yaml = Portal(name, 18185, Scenario("kill-it", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var spec = new ContainerSpec("drills/busybox:1", name, [], [], new Dictionary<string, string>(),
            ["sh", "-c", "echo original > /marker && exec sleep 3600"]);
        var id = await _h.Runtime.CreateAsync(spec, new Dictionary<string, string>(), CancellationToken.None);
        await _h.Runtime.StartAsync(id, CancellationToken.None);
        var file = await WriteAsync(yaml);

        var exit = await CliApp.RunAsync(["run", "kill-it", "--file", file, "--data-dir", _h.Folder], TimeProvider.System);
        var after = await _h.Runtime.FindByNameAsync(name, CancellationToken.None);
        var marker = await _h.Runtime.ExecAsync(id, ["cat", "/marker"], CancellationToken.None);

        Assert.Equal(ExitCodes.Environment, exit);
        Assert.NotNull(after);
        Assert.Equal(id, after!.Id);
        Assert.Equal(Docker.ContainerStatus.Running, after.Status);
        Assert.False(after.Labels.ContainsKey(TargetLabels.Target));
        Assert.Equal("original", marker.Stdout.Trim());
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_creates_nothing()
    {
        const string name = "drills-test-dry-run";
        var yaml = Portal(name, 18186, Scenario("planned", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        var file = await WriteAsync(yaml);

        var exit = await CliApp.RunAsync(["run", "planned", "--dry-run", "--file", file, "--data-dir", _h.Folder], TimeProvider.System);

        Assert.Equal(ExitCodes.Passed, exit);
        Assert.Null(await _h.Runtime.FindByNameAsync(name, CancellationToken.None));
        Assert.Empty(_h.Store.List(10));
    }

    private async Task<string> WriteAsync(string yaml)
    {
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);
        return file;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
