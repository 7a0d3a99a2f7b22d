using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using Serilog;
using static Drills.Orchestrator.Backups.BackupLayout;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Keeps a system's newest <c>keep</c> backups. Older ones are deleted (every copy: online, offline, on the share)
/// except the newest intact backup, which is never pruned whatever its age, and any backup a drill holds
/// (<see cref="BackupLease"/>), in this process or another.
/// </summary>
internal sealed class BackupRetention(BackupStore store, BackupLayout layout, ILogger log)
{
    /// <returns>The ids pruned.</returns>
    public async Task<IReadOnlyList<string>> PruneAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        if (system.Backup?.Keep is not { } keep)
        {
            return [];
        }

        var all = store.Manifests(system.Id).ToList();
        if (all.Count <= keep)
        {
            return [];
        }

        var newestIntact = await NewestIntactIdAsync(all, runtime, containerId, cancellationToken);
        var pruned = new List<string>();
        foreach (var (manifest, _) in all.Skip(keep))
        {
            if (manifest.Id == newestIntact)
            {
                continue;
            }

            using var lease = BackupLease.TryTake(layout.LeaseOf(system.Id, manifest.Id));
            if (lease is null)
            {
                log.Information("Backup {BackupId} of {System} is past keep {Keep} but in use by a drill: kept", manifest.Id, system.Id, keep);
                continue;
            }

            await RemoveAsync(manifest, runtime, containerId, cancellationToken);
            pruned.Add(manifest.Id);
        }

        if (pruned.Count > 0)
        {
            log.Information("Pruned {Count} backup(s) of {System} beyond keep {Keep}: {BackupIds}", pruned.Count, system.Id, keep, pruned);
        }

        return pruned;
    }

    private async Task<string?> NewestIntactIdAsync(
        IReadOnlyList<(BackupManifest Manifest, IReadOnlyList<string> Copies)> newestFirst, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        foreach (var (manifest, copies) in newestFirst)
        {
            foreach (var copy in copies)
            {
                if (await store.ProblemAsync(manifest, copy, runtime, containerId, cancellationToken) is null)
                {
                    return manifest.Id;
                }
            }
        }

        return null;
    }

    private async Task RemoveAsync(BackupManifest manifest, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        if (manifest.Share is { } share && containerId is not null)
        {
            try
            {
                await ShareCopy.RemoveAsync(runtime, containerId, share, manifest.Id, cancellationToken);
            }
            catch (DockerOperationException ex)
            {
                log.Warning("Could not remove {Share}/{BackupId} from the share: {Error}", share, manifest.Id, ex.Message);
            }
        }

        // The manifest folder goes last: while it is there, the backup is still listed and its other copies findable.
        BackupFolder.Remove(layout.FolderOf(Copies.Offline, manifest.SystemId, manifest.Id));
        BackupFolder.Remove(layout.FolderOf(Copies.Online, manifest.SystemId, manifest.Id));
        File.Delete(layout.LeaseOf(manifest.SystemId, manifest.Id));
    }
}
