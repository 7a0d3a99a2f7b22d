using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Steps;
using Drills.Scenarios.Text;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

public sealed class CleanupAttestationTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    private readonly EngineHarness _h = new();

    [Fact]
    public async Task A_helper_container_labelled_for_the_run_is_removed_after_a_passed_drill_and_recorded()
    {
        _h.AddLabelledPortal();
        string? runId = null;
        _h.Runtime.ExecHook = (_, command) =>
        {
            if (command is ["start-helper"])
            {
                // What an attack helper does: a container of its own, labelled with the run id it was given.
                runId = _h.Runtime.LastExecEnvironment![RunMarks.RunIdVariable];
                _h.Runtime.Add("drills-test-helper", new Dictionary<string, string> { [RunMarks.Label] = runId });
            }

            return null;
        };
        var scenario = Scenario([new ExecStep(["start-helper"], 0, SourceLocation.None), new KillStep("SIGKILL", SourceLocation.None)], [new StartStep(SourceLocation.None)]);

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.Equal(DrillEnd.Passed, result.End);
        Assert.Equal(result.Record.RunId, runId);
        Assert.Null(_h.Runtime.ByName("drills-test-helper"));
        var item = $"container drills-test-helper (running) labelled drills.run={runId}";
        Assert.Equal([item], result.Record.Cleanup!.Found);
        Assert.Equal([item], result.Record.Cleanup.Removed);
        Assert.Contains(result.Record.Journal, e => e.Message == "Cleanup after the run: found 1 left behind, removed or repaired 1");
    }

    [Fact]
    public async Task A_target_left_paused_by_a_failed_drill_is_found_and_unpaused_before_the_rollback()
    {
        var portal = _h.AddLabelledPortal();
        var scenario = Scenario([new PauseStep(SourceLocation.None)], [new WaitStep(TimeSpan.FromSeconds(1), SourceLocation.None)], maxDuration: TimeSpan.FromSeconds(30));

        var result = await _h.RunAsync(Portal(), scenario, Tick);

        Assert.NotEqual(DrillEnd.Passed, result.End);
        Assert.True(result.Record.RolledBack);
        Assert.Equal(ContainerStatus.Running, portal.Status);
        Assert.Equal([$"container {PortalName} paused"], result.Record.Cleanup!.Found);
        Assert.True(result.Record.Cleanup.Clean);
        var before = result.Record.Journal.Single(e => e.Message.StartsWith("Cleanup before the rollback", StringComparison.Ordinal));
        var rollback = result.Record.Journal.First(e => e.Message == "Rolling the target back to its baseline");
        Assert.True(before.Sequence < rollback.Sequence);
    }

    [Fact]
    public async Task A_drill_that_leaves_nothing_records_a_clean_cleanup()
    {
        _h.AddLabelledPortal();

        var result = await _h.RunAsync(Portal(), Scenario([new KillStep("SIGKILL", SourceLocation.None)], [new StartStep(SourceLocation.None)]), Tick);

        Assert.Empty(result.Record.Cleanup!.Found);
        Assert.True(result.Record.Cleanup.Clean);
        Assert.Contains(result.Record.Journal, e => e.Message == "Cleanup after the run: nothing left behind");
    }

    public void Dispose() => _h.Dispose();
}
