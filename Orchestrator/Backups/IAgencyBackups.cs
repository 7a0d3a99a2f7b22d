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

    /// <summary>
    /// One copy (<c>online</c> or <c>offline</c>) of a backup, every payload file verified against its checksum now and on
    /// the data directory's disk (a share copy is fetched first); throws <see cref="BackupCorruptException"/>, naming the
    /// backup, when the copy is gone or a checksum does not match.
    /// </summary>
    /// <param name="containerId">The running target, needed to read a copy on its share.</param>
    Task<VerifiedCopy> OpenAsync(AgencyBackup backup, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken);

    /// <summary>Keeps the backup from retention until <see cref="Release"/> is called for the run (or its process ends).</summary>
    void Hold(AgencyBackup backup, string runId);

    /// <summary>Lets retention prune again the backups the run held.</summary>
    void Release(string runId);
}
