using System.Text.Json;
using Drills.Orchestrator.Errors;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>The drills executable as a process: bad input touches nothing; --json prints one object.</summary>
[Collection(DockerCollection.Name)]
public sealed class CliProcessTests : IAsyncLifetime
{
    private const string Name = "drills-test-cli-portal";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Catalogue_with_errors_exits_2_names_every_place_and_creates_no_container()
    {
        var yaml = Portal(Name, 18187, Scenario("kill-it", "kil: {}", RestoreSteps("start: {}"))).Replace("security_level: 3", "security_level: 9", StringComparison.Ordinal);
        var file = Path.Combine(_h.Folder, "bad.yaml");
        await File.WriteAllTextAsync(file, yaml);

        var validate = await CliProcess.RunAsync("validate", file, "--data-dir", _h.Folder);
        var run = await CliProcess.RunAsync("run", "kill-it", "--file", file, "--data-dir", _h.Folder);
        var json = await CliProcess.RunAsync("run", "kill-it", "--json", "--file", file, "--data-dir", _h.Folder);
        using var errors = JsonDocument.Parse(json.Stdout);

        Assert.Equal(ExitCodes.BadInput, validate.ExitCode);
        Assert.Equal(ExitCodes.BadInput, json.ExitCode);
        Assert.Equal(2, errors.RootElement.GetProperty("errors").GetArrayLength());
        Assert.Equal(9, errors.RootElement.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Contains("bad.yaml:9:", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("1..5", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'kill'", validate.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Null(await _h.Runtime.FindByNameAsync(Name, CancellationToken.None));
    }

    [Fact]
    public async Task Json_run_prints_one_object_with_the_measured_result_and_the_report()
    {
        var yaml = Portal(Name, 18187, Scenario("kill-it", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);

        var run = await CliProcess.RunAsync("run", "kill-it", "--json", "--file", file, "--data-dir", _h.Folder);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        var report = await CliProcess.RunAsync("report", root.GetProperty("runId").GetString()!, "--data-dir", _h.Folder);
        var runs = await CliProcess.RunAsync("runs", "--json", "--data-dir", _h.Folder);

        Assert.Equal(ExitCodes.Passed, run.ExitCode);
        Assert.Equal("kill-it", root.GetProperty("scenario").GetString());
        Assert.Equal("portal", root.GetProperty("system").GetString());
        Assert.Equal("passed", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("recoverySeconds").GetDouble() > 0);
        Assert.Equal(4 * 3600, root.GetProperty("targetSeconds").GetDouble());
        Assert.True(root.GetProperty("impactObserved").GetBoolean());
        Assert.True(File.Exists(root.GetProperty("reportPath").GetString()));
        Assert.Contains("ATTACK", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.True(File.Exists(report.Stdout.Trim()));
        Assert.Contains(root.GetProperty("runId").GetString()!, runs.Stdout, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
