using System.Text;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Steps;
using static Drills.Orchestrator.Tests.Support.TestCatalogues;

namespace Drills.Orchestrator.Tests.Orchestrator.Engine;

/// <summary>A drill that ended while the run store refused its last write is never taken later for one a crash interrupted.</summary>
public sealed class FinalWriteTests : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(500);
    private readonly EngineHarness _h = new();
    private InMemoryRunStore Store => (InMemoryRunStore)_h.Store;

    [Fact]
    public async Task Final_write_refused_a_few_times_is_retried_until_the_store_takes_it()
    {
        _h.AddLabelledPortal();
        Store.RefuseCompletes = 2;

        var result = await _h.RunAsync(Portal(), Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)]), Tick);

        Assert.Equal(RunOutcome.Passed, result.Record.Outcome);
        Assert.Equal(RunOutcome.Passed, Store.Find(result.Record.RunId)!.Outcome);
        Assert.Equal(0, Store.RefuseCompletes);
    }

    [Fact]
    public async Task Passed_drill_whose_final_write_keeps_failing_is_closed_from_its_kept_outcome_without_a_rollback()
    {
        _h.AddLabelledPortal();
        Store.RefuseCompletes = int.MaxValue;
        var result = await _h.RunAsync(Portal(), Scenario([new KillStep("SIGKILL", Nowhere)], [new StartStep(Nowhere)]), Tick);
        var runId = result.Record.RunId;
        Assert.Equal(RunOutcome.Running, Store.Find(runId)!.Outcome);
        // Records written after the drill, which a rollback to its baseline would throw away.
        _h.Runtime.FilesOf(PortalName)[IndexPath] = Encoding.UTF8.GetBytes("<h1>Portal</h1> new records");
        Store.RefuseCompletes = 0;
        // Its process is gone, as after a crash.
        Store.Checkpoint(Store.Find(runId)! with { Owner = new RunOwner(Environment.MachineName, int.MaxValue, DateTimeOffset.UnixEpoch) });
        _h.Runtime.Calls.Clear();

        var recovered = await _h.DriveAsync(() => _h.Engine().RecoverInterruptedAsync(null, Store.Find(runId)!, RecoveryConsent.Automatic, null, CancellationToken.None), Tick);

        Assert.Empty(_h.Runtime.Calls);
        Assert.Equal((RunOutcome.Passed, RunOutcome.Passed), (recovered.Record.Outcome, Store.Find(runId)!.Outcome));
        Assert.Equal("<h1>Portal</h1> new records", Encoding.UTF8.GetString(_h.Runtime.FilesOf(PortalName)[IndexPath]));
    }

    public void Dispose() => _h.Dispose();
}
