using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Leftovers;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// What one drill acts through, built for the system it drills: every part reaches the engine through a
/// <see cref="LabelledOnlyRuntime"/> bound to that system, so no call can touch another system's container.
/// </summary>
internal sealed class DrillParts
{
    public DrillParts(IContainerRuntime runtime, INetworkProbe network, TimeProvider time, SnapshotStore snapshots, IAgencyBackups backups, string systemId)
    {
        Backups = backups;
        Runtime = runtime is LabelledOnlyRuntime guarded ? guarded.For(systemId) : new LabelledOnlyRuntime(runtime, systemId);
        Guard = new TargetGuard(Runtime);
        Data = new DataPaths(Runtime, snapshots);
        Steady = new SteadyState(new CheckRunner(Runtime, network, time), Data);
        Steps = new StepRunner(Runtime, Guard, Data, snapshots, backups);
        Undo = new AttackUndo(Runtime, snapshots);
        Rollback = new Rollback(Runtime, Guard, Data, Steady, Undo);
        Leftovers = new LeftoverScan(Runtime, Guard, time);
        SnapshotsRoot = snapshots.Root;
    }

    public IContainerRuntime Runtime { get; }

    /// <summary>The agency backups; every call passes <see cref="Runtime"/>, so a backup reads only this system's container.</summary>
    public IAgencyBackups Backups { get; }

    public TargetGuard Guard { get; }

    public DataPaths Data { get; }

    public SteadyState Steady { get; }

    public StepRunner Steps { get; }

    public Rollback Rollback { get; }

    /// <summary>Undoes what attack steps changed outside the data paths; the drill's end releases pressure through it.</summary>
    public AttackUndo Undo { get; }

    /// <summary>The cleanup scan after a run, bound to this system like every other part.</summary>
    public LeftoverScan Leftovers { get; }

    /// <summary>The snapshots folder, whose free space the readiness gate measures.</summary>
    public string SnapshotsRoot { get; }
}
