using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// The agency backups of systems, as a drill uses them: take one now, find the newest intact one. The store
/// under the data directory implements it; <see cref="NoAgencyBackups"/> stands in where no store is configured.
/// </summary>
internal interface IAgencyBackups
{
    /// <summary>
    /// Takes one backup of the system now from its vetted, running container, the way the system declares
    /// (<see cref="BackupSpec.Method"/>); written whole (online and offline copies) or not at all.
    /// </summary>
    /// <param name="runId">The drill that asked for it (kept in its manifest, and never pruned while that drill runs); null on demand or on schedule.</param>
    Task<AgencyBackup> TakeAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string? runId, CancellationToken cancellationToken);

    /// <summary>The newest backup of the system whose checksum verifies now (either copy), or null when it has none.</summary>
    /// <param name="containerId">The running target, when a copy sits on its share; null reads only what is under the data directory.</param>
    Task<AgencyBackup?> NewestIntactAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken);

    /// <summary>Every complete backup of the system, newest first, as recorded (not verified).</summary>
    IReadOnlyList<AgencyBackup> List(string systemId);
}
