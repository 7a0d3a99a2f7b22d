using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Steps;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>
/// The network, pressure and configuration attacks against the real sample portal: each makes a check fail, its
/// restore (or the rollback) makes every check pass again, and nothing marked for the run is left behind.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class AttackDrillTests : IAsyncLifetime
{
    private const string Name = "drills-test-atk-portal";
    private const string Network = "drills-test-atk-net";
    private const int Port = 19151;
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Disconnect_network_cuts_the_published_port_and_reconnect_brings_it_back()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network, AttackSystems.Scenario("cut", "disconnect-network: {}", "reconnect-network: {}")));

        var result = await _h.RunAsync(catalogue, "cut");

        Assert.True(result.Record.ImpactObserved, "no check failed after the network cut");
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.All(result.Record.Steps, s => Assert.True(s.Succeeded, $"{s.Kind}: {s.Observation}"));
        Assert.Equal(Network, await DockerCli.RunAsync("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", Name));
        Assert.Equal("", await DockerCli.RunAsync("network", "ls", "-q", "--filter", "label=drills.run=" + result.Record.RunId));
        Assert.Equal(Network, await DockerCli.RunAsync("network", "ls", "--format", "{{.Name}}", "--filter", "label=drills.target=portal"));
    }

    [Fact]
    public async Task A_network_cut_no_restore_step_reconnects_is_reconnected_by_the_rollback()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network, AttackSystems.Scenario("cut", "disconnect-network: {}", "wait: 1s")));

        var result = await _h.RunAsync(catalogue, "cut", options: new DrillOptions { DetectionWindow = TimeSpan.FromSeconds(3), VerifyTimeout = TimeSpan.FromSeconds(3) });

        Assert.Equal(DrillEnd.VerificationFailed, result.End);
        Assert.True(result.Record.RolledBack, string.Join("\n", result.Record.Journal.Select(e => e.Message + " " + e.Detail)));
        Assert.Contains(result.Record.Journal, e => e.Mark == JournalMark.Rollback && (e.Detail ?? "").Contains("reconnected to network " + Network, StringComparison.Ordinal));
        Assert.Contains(Network, await DockerCli.RunAsync("inspect", "-f", "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", Name));
    }

    [Fact]
    public async Task Exhaust_breaks_the_memory_budget_check_and_restart_recovers_leaving_no_marked_process()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("load", "exhaust: { cpu: 4, memory: 128MiB, for: 60s }", "restart: {}", technique: "T1499")));

        var result = await _h.RunAsync(catalogue, "load");

        Assert.True(result.Record.ImpactObserved, "no check failed under pressure");
        Assert.Contains(result.Record.Checks, c => c.Phase == "attack" && !c.Passed && c.Check.Contains("memory", StringComparison.Ordinal));
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Empty(await MarkedAsync(result.Record.RunId));
    }

    [Fact]
    public async Task Exhaust_ends_by_itself_when_for_is_over()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("load", "exhaust: { memory: 128MiB, for: 4s }", "wait: 1s", technique: "T1499")));

        var result = await _h.RunAsync(catalogue, "load", options: new DrillOptions { DetectionWindow = TimeSpan.FromSeconds(10) });

        Assert.True(result.Record.ImpactObserved, "no check failed under pressure");
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.True(result.Record.RecoveryTime >= TimeSpan.FromSeconds(3), $"recovered after {result.Record.RecoveryTime}, before 'for' was over");
        Assert.Empty(await MarkedAsync(result.Record.RunId));
    }

    [Fact]
    public async Task Cancelling_a_drill_mid_exhaust_releases_the_pressure()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("load", "exhaust: { cpu: 2, memory: 128MiB, for: 90s }", "wait: 60s", technique: "T1499")));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var progress = new Support.InlineProgress(e =>
        {
            if (e.Mark == JournalMark.Impact)
            {
                _ = Task.Run(cancel.CancelAsync);
            }
        });

        var result = await _h.RunAsync(catalogue, "load", progress, token: cancel.Token);

        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        Assert.True(result.Record.RolledBack);
        // Released by the cleanup scan before the rollback (it goes first, so the restore does not compete with it) or by the rollback.
        Assert.True(result.Record.Cleanup!.Removed.Any(r => r.StartsWith("process ", StringComparison.Ordinal))
                    || result.Record.Journal.Any(e => e.Message == "Pressure released" && (e.Detail ?? "").Contains("killed", StringComparison.Ordinal)),
            string.Join("\n", result.Record.Journal.Select(e => e.Message + " " + e.Detail)));
        Assert.Empty(await MarkedAsync(result.Record.RunId));
    }

    [Fact]
    public async Task Corrupted_nginx_conf_and_a_kill_are_recovered_by_redeploy()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("config", "corrupt-config: { path: /etc/nginx/nginx.conf, append: \"\\nthis_is_not_a_directive;\\n\" }\n      - kill: {}", "redeploy: {}", technique: "T1565.001")));

        var result = await _h.RunAsync(catalogue, "config");

        Assert.True(result.Record.ImpactObserved);
        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.DoesNotContain("this_is_not_a_directive", await DockerCli.RunAsync("exec", Name, "cat", "/etc/nginx/nginx.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_config_that_fails_the_restart_is_put_back_by_the_rollback()
    {
        var original = await OriginalNginxConfAsync();
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("config", "corrupt-config: { path: /etc/nginx/nginx.conf, append: \"\\nthis_is_not_a_directive;\\n\" }\n      - kill: {}", "start: {}", technique: "T1565.001")));

        var result = await _h.RunAsync(catalogue, "config", options: new DrillOptions { DetectionWindow = TimeSpan.FromSeconds(3), VerifyTimeout = TimeSpan.FromSeconds(4) });

        Assert.Equal(DrillEnd.VerificationFailed, result.End);
        Assert.True(result.Record.RolledBack, string.Join("\n", result.Record.Journal.Select(e => e.Message + " " + e.Detail)));
        Assert.Equal(original, await DockerCli.RunAsync("exec", Name, "cat", "/etc/nginx/nginx.conf"));
    }

    [Fact]
    public async Task Corrupting_a_missing_file_fails_the_step_and_changes_nothing()
    {
        var catalogue = _h.Load(AttackSystems.Portal(Name, Port, Network,
            AttackSystems.Scenario("config", "corrupt-config: { path: /etc/nginx/absent.conf, content: broken }", "restart: {}", technique: "T1565.001")));

        var result = await _h.RunAsync(catalogue, "config");

        Assert.Equal(RunOutcome.Aborted, result.Record.Outcome);
        var step = Assert.Single(result.Record.Steps);
        Assert.False(step.Succeeded);
        Assert.Contains("nothing was changed", step.Observation, StringComparison.Ordinal);
        Assert.Contains("/etc/nginx/absent.conf", step.Observation, StringComparison.Ordinal);
    }

    /// <summary>Processes in the target whose command line holds the run's marker, read from /proc for real.</summary>
    private async Task<IReadOnlyList<MarkedProcess>> MarkedAsync(string runId)
    {
        var listing = await _h.ExecAsync(Name, [.. TargetProcesses.ListCommand]);
        return TargetProcesses.Marked(TargetProcesses.Parse(listing.Stdout), RunMarker.Of(runId));
    }

    private static Task<string> OriginalNginxConfAsync() =>
        DockerCli.RunAsync("run", "--rm", "--name", "drills-test-atk-read-" + Guid.NewGuid().ToString("N")[..8], "--entrypoint", "cat", "drills/portal:1", "/etc/nginx/nginx.conf");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveNetworkAsync(Network);
    }
}
