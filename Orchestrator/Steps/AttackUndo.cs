using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Undoes what a run's attack changed outside its data paths, for a rollback (after a failed or aborted drill, or a
/// crash): puts back the configuration files it corrupted, reconnects the networks it cut, and ends the pressure it
/// left running. Everything comes from the run's own trail and markers, so it is idempotent.
/// </summary>
internal sealed class AttackUndo(IContainerRuntime runtime, SnapshotStore snapshots)
{
    private readonly ConfigCorruption _configs = new(runtime);
    private readonly NetworkCut _networks = new(runtime);
    private readonly ExhaustRelease _release = new(runtime);

    /// <summary>Configuration files and networks, which the engine changes on a stopped container too; returns what it did.</summary>
    public async Task<IReadOnlyList<string>> PutBackAsync(string containerId, string runId, CancellationToken cancellationToken)
    {
        var trail = new AttackTrail(snapshots, runId);
        var done = new List<string>();
        if (await _configs.PutBackAsync(containerId, trail, cancellationToken) is { } configs)
        {
            done.Add(configs);
        }

        if (await _networks.ReconnectAllAsync(containerId, trail, cancellationToken) is { } networks)
        {
            done.Add(networks);
        }

        return done;
    }

    /// <summary>True when the run corrupted a configuration file: its processes must restart to read the original again.</summary>
    public bool CorruptedConfig(string runId) => new AttackTrail(snapshots, runId).Read().Configs.Count > 0;

    /// <summary>Ends the run's marked processes and deletes its marked files.</summary>
    public Task<ReleasedPressure> ReleaseAsync(string containerId, string runId, CancellationToken cancellationToken) =>
        _release.ReleaseAsync(containerId, runId, cancellationToken);
}
