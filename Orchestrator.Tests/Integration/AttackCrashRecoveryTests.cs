using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Steps;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// A drills process killed mid-drill after corrupting a configuration, cutting the network and starting pressure:
/// crash recovery puts the original file back, reconnects the network and ends every marked process.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class AttackCrashRecoveryTests : IAsyncLifetime
{
    private const string Name = "drills-test-atk-crash";
    private const string Network = "drills-test-atk-crash-net";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Recover_undoes_config_network_and_pressure_of_a_killed_drill()
    {
        var yaml = AttackSystems.Portal(Name, 19153, Network, $$"""
              slow:
                title: slow
                system: portal
                technique: T1565.001
                max_duration: 10m
                attack:
                  - corrupt-config: { path: /etc/nginx/nginx.conf, append: "\nthis_is_not_a_directive;\n" }
                  - disconnect-network: {}
                  - exhaust: { cpu: 1, memory: 128MiB, for: 5m }
                restore:
                  - wait: 5m
                verify: [checks]
            """);
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);
        using (CliProcess.Start("run", "slow", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the drill has attacked and waits in its restore", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Journal.Any(e => e.Mark == JournalMark.RestoreStart))), CancellationToken.None);
        }

        var killed = Assert.Single(_h.Store.ListRunning()).RunId;
        Assert.NotEmpty(await MarkedAsync(killed));

        var recover = await CliProcess.RunAsync("recover", killed, "--data-dir", _h.Folder);

        Assert.True(recover.ExitCode == ExitCodes.Passed, recover.Stderr);
        Assert.Equal((RunOutcome.Aborted, true), (_h.Store.Find(killed)!.Outcome, _h.Store.Find(killed)!.RolledBack));
        Assert.Empty(await MarkedAsync(killed));
        Assert.DoesNotContain("this_is_not_a_directive", (await _h.ExecAsync(Name, "cat", "/etc/nginx/nginx.conf")).Stdout, StringComparison.Ordinal);
        Assert.Equal(Network, await DockerCli.RunAsync("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", Name));
    }

    private async Task<IReadOnlyList<MarkedProcess>> MarkedAsync(string runId)
    {
        var listing = await _h.ExecAsync(Name, [.. TargetProcesses.ListCommand]);
        return TargetProcesses.Marked(TargetProcesses.Parse(listing.Stdout), RunMarker.Of(runId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveNetworkAsync(Network);
    }
}
