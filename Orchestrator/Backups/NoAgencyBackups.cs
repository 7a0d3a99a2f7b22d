using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Backups;

/// <summary>No backup store: nothing listed, nothing taken. Engines built without a data directory (tests of one engine alone) use it.</summary>
internal sealed class NoAgencyBackups : IAgencyBackups
{
    public static NoAgencyBackups Instance { get; } = new();

    public Task<AgencyBackup> TakeAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string? runId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No backup store is configured, so no backup of {system.Id} can be taken.");

    public Task<AgencyBackup?> NewestIntactAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken) =>
        Task.FromResult<AgencyBackup?>(null);

    public IReadOnlyList<AgencyBackup> List(string systemId) => [];

    public Task<VerifiedCopy> OpenAsync(AgencyBackup backup, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No backup store is configured, so backup {backup.Id} cannot be read.");

    public void Hold(AgencyBackup backup, string runId)
    {
    }

    public void Release(string runId)
    {
    }
}
