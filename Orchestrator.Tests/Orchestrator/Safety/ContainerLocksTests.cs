using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Tests.Orchestrator.Engine;
using Drills.Orchestrator.Tests.Support;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Safety;

/// <summary>One drill per container on the machine, whatever data directory each process uses.</summary>
public sealed class ContainerLocksTests : IDisposable
{
    private readonly EngineHarness _h = new();

    private string Machine => Path.Combine(_h.Folder, "machine-locks");

    [Fact]
    public void A_held_container_is_refused_to_a_second_holder_and_free_again_once_released()
    {
        var locks = ContainerLocks.Open(Machine);
        var first = locks.TryAcquire(TestCatalogues.PortalName, "portal", "run-1");

        Assert.NotNull(first);
        Assert.Null(ContainerLocks.Open(Machine).TryAcquire(TestCatalogues.PortalName, "portal-copy", "run-2"));
        Assert.StartsWith("run run-1 of system portal, process ", locks.HolderOf(TestCatalogues.PortalName), StringComparison.Ordinal);
        first.Dispose();
        using var again = locks.TryAcquire(TestCatalogues.PortalName, "portal-copy", "run-2");
        Assert.NotNull(again);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_lock_folder_is_private_to_its_owner()
    {
        var locks = ContainerLocks.Open(Machine);

        Assert.False(locks.FellBack);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(locks.Folder));
    }

    [Fact]
    public void An_unwritable_machine_folder_falls_back_to_the_other_folder_and_says_so()
    {
        var file = Path.Combine(_h.Folder, "not-a-folder");
        File.WriteAllText(file, "");
        var fallback = Path.Combine(_h.Folder, "fallback-locks");

        var locks = ContainerLocks.Open(Path.Combine(file, "drills"), fallback);

        Assert.True(locks.FellBack);
        Assert.Equal(fallback, locks.Folder);
    }

    [Fact]
    public async Task A_drill_on_a_container_another_data_directory_holds_is_refused_before_anything_is_recorded_or_touched()
    {
        _h.AddLabelledPortal();
        using var held = ContainerLocks.Open(Machine).TryAcquire(TestCatalogues.PortalName, "portal", "run-elsewhere");
        var engine = new DrillEngine(_h.Runtime, new FakeNetworkProbe(_h.Runtime, TestCatalogues.PortalName, TestCatalogues.IndexPath),
            _h.Time, _h.Store, new SnapshotStore(Path.Combine(_h.Folder, "snapshots")), new(), Serilog.Core.Logger.None,
            new SystemLocks(Path.Combine(_h.Folder, "own-data-dir-locks")), ContainerLocks.Open(Machine));
        var scenario = TestCatalogues.Scenario([new KillStep("SIGKILL", TestCatalogues.Nowhere)], [new RestartStep(TestCatalogues.Nowhere)]);
        _h.Runtime.Calls.Clear();

        var refused = await Assert.ThrowsAsync<ContainerBusyException>(() =>
            engine.RunAsync(TestCatalogues.With(TestCatalogues.Portal(), scenario), scenario, null, CancellationToken.None));

        Assert.Contains("run run-elsewhere", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, refused.ExitCode);
        Assert.Empty(_h.Store.List(10));
        Assert.Empty(_h.Runtime.Calls);
        // The system lock of this data directory was let go with the refusal.
        using var free = new SystemLocks(Path.Combine(_h.Folder, "own-data-dir-locks")).TryAcquire("portal", "run-next");
        Assert.NotNull(free);
    }

    public void Dispose() => _h.Dispose();
}
