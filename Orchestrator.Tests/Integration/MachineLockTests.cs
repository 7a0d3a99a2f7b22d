using System.Text.Json;
using System.Text.RegularExpressions;
using Drills.Orchestrator.Errors;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>Two drills processes with their own data directories cannot drill one container at once.</summary>
[Collection(DockerCollection.Name)]
public sealed class MachineLockTests : IAsyncLifetime
{
    private readonly RealDrillHarness _h = new();
    private readonly string _container = "drills-test-own-shared-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Second_process_with_another_data_directory_is_refused_while_the_first_drills_the_container()
    {
        var yaml = Portal(_container, 18310, Scenario("hold-it", "kill: {}", RestoreSteps("wait: 90s", "start: {}"), extra: "max_duration: 3m"));
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var (first, second) = (Path.Combine(_h.Folder, "first"), Path.Combine(_h.Folder, "second"));

        using var running = CliProcess.Start("run", "hold-it", "--file", file, "--data-dir", first);
        var runId = await RunningRunOfAsync(first);
        var refused = await CliProcess.RunAsync("run", "hold-it", "--file", file, "--data-dir", second);
        var stillRunning = await RunningRunOfAsync(first);

        Assert.True(refused.ExitCode == ExitCodes.Environment, refused.Stderr);
        var said = Regex.Replace(refused.Stderr, @"\s+", " ");
        Assert.Contains($"Container {_container} is being drilled by another drills process (run {runId} of system portal", said, StringComparison.Ordinal);
        Assert.Equal(runId, stillRunning);
        using var listed = JsonDocument.Parse((await CliProcess.RunAsync("runs", "--json", "--data-dir", second)).Stdout);
        Assert.Equal(0, listed.RootElement.GetProperty("runs").GetArrayLength());
    }

    /// <summary>Polls <c>drills runs --json</c> of a data directory until a run there is running; returns its id.</summary>
    private static async Task<string> RunningRunOfAsync(string dataDir)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var runs = await CliProcess.RunAsync("runs", "--json", "--data-dir", dataDir);
            if (runs.ExitCode == 0 && runs.Stdout.Length > 0)
            {
                using var json = JsonDocument.Parse(runs.Stdout);
                foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
                {
                    if (run.GetProperty("outcome").GetString() == "running")
                    {
                        return run.GetProperty("runId").GetString()!;
                    }
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
