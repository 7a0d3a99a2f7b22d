using System.Text;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Orchestrator.Docker;
using Drills.Scenarios.RunRecords;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>A drills run killed mid-drill never leaves its target attacked: the next drill of that system rolls it back first.</summary>
[Collection(DockerCollection.Name)]
public sealed class InterruptedRunCliTests : IAsyncLifetime
{
    private const string Name = "drills-test-run-killed";
    private readonly RealDrillHarness _h = new();

    [Fact]
    public async Task Drill_killed_during_its_attack_is_rolled_back_by_the_next_drills_run_before_it_drills()
    {
        var yaml = Portal(Name, 18196,
            Scenario("slow-restore", "deface: { path: /srv/www/index.html, content: \"<h1>Hacked</h1>\" }",
                RestoreSteps("wait: 5m", "restore-backup: baseline"), extra: "max_duration: 10m") +
            Environment.NewLine +
            Scenario("quick", "kill: {}", RestoreSteps("start: {}")));
        _h.Load(yaml);
        await _h.RemoveLeftoversAsync();
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml, Encoding.UTF8);

        string killedRun;
        using (var first = CliProcess.Start("run", "slow-restore", "--file", file, "--data-dir", _h.Folder))
        {
            await TestEngine.EventuallyAsync("the first drill has attacked and waits in its restore", TimeSpan.FromMinutes(2),
                () => Task.FromResult(_h.Store.ListRunning().Any(r => r.Journal.Any(e => e.Mark == JournalMark.RestoreStart))), CancellationToken.None);
            killedRun = _h.Store.ListRunning().Single().RunId;
        }

        // Disposing kills the process tree with SIGKILL: the container stays defaced and the run stays "running".
        Assert.Contains("Hacked", (await _h.ExecAsync(Name, "cat", "/srv/www/index.html")).Stdout, StringComparison.Ordinal);
        var second = await CliProcess.RunAsync("run", "quick", "--file", file, "--data-dir", _h.Folder);

        Assert.True(second.ExitCode == ExitCodes.Passed, second.Stderr);
        Assert.Contains($"Interrupted run {killedRun}", second.Stderr, StringComparison.Ordinal);
        var recovered = _h.Store.Find(killedRun)!;
        Assert.Equal((RunOutcome.Aborted, InterruptedRun.Reason, true), (recovered.Outcome, recovered.AbortReason, recovered.RolledBack));
        var index = await _h.ExecAsync(Name, "cat", "/srv/www/index.html");
        Assert.Contains("Cổng dịch vụ công", index.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Hacked", index.Stdout, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();
}
