using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

/// <summary>One drill per system, whichever process starts it.</summary>
public sealed class SystemLocksTests : IDisposable
{
    private readonly EngineHarness _h = new();

    private SystemLocks Locks => new(Path.Combine(_h.Folder, "locks"));

    [Fact]
    public void A_held_system_is_refused_to_a_second_holder_and_free_again_once_released()
    {
        var first = Locks.TryAcquire("portal", "run-1");

        Assert.NotNull(first);
        Assert.Null(Locks.TryAcquire("portal", "run-2"));
        Assert.NotNull(Locks.TryAcquire("records", "run-3"));
        Assert.StartsWith("run run-1, process ", Locks.HolderOf("portal"), StringComparison.Ordinal);
        first.Dispose();
        using var again = Locks.TryAcquire("portal", "run-2");
        Assert.NotNull(again);
    }

    [Fact]
    public async Task A_drill_on_a_system_another_process_holds_is_refused_before_anything_is_recorded_or_touched()
    {
        _h.AddLabelledPortal();
        using var held = Locks.TryAcquire("portal", "run-elsewhere");
        var engine = new Drills.Orchestrator.Engine.DrillEngine(_h.Runtime, new FakeNetworkProbe(_h.Runtime, TestCatalogues.PortalName, TestCatalogues.IndexPath),
            _h.Time, _h.Store, new Drills.Orchestrator.Backups.SnapshotStore(Path.Combine(_h.Folder, "snapshots")), new(), Serilog.Core.Logger.None, Locks);
        var scenario = TestCatalogues.Scenario([new KillStep("SIGKILL", TestCatalogues.Nowhere)], [new RestartStep(TestCatalogues.Nowhere)]);
        _h.Runtime.Calls.Clear();

        var refused = await Assert.ThrowsAsync<SystemBusyException>(() =>
            engine.RunAsync(TestCatalogues.With(TestCatalogues.Portal(), scenario), scenario, null, CancellationToken.None));

        Assert.Contains("run run-elsewhere", refused.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Store.List(10));
        Assert.Empty(_h.Runtime.Calls);
    }

    public void Dispose() => _h.Dispose();
}
