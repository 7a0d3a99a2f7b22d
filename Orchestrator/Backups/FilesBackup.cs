using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Backups;

/// <summary>A files backup: one tar per data path, streamed from the engine's archive API to disk as it is hashed.</summary>
internal static class FilesBackup
{
    public static async Task<IReadOnlyList<BackupPayload>> TakeAsync(
        IContainerRuntime runtime, string containerId, string backupId, IReadOnlyList<string> paths, string folder, ArchiveLimit limit, CancellationToken cancellationToken)
    {
        var payload = new List<BackupPayload>();
        foreach (var path in paths)
        {
            var name = $"{payload.Count:D2}-{SnapshotStore.FileNameFor(path)}";
            var (sha256, bytes) = await runtime.ReadArchiveAsync(containerId, path, limit,
                (tar, ct) => StreamedFile.SaveAsync(Path.Combine(folder, name), $"Backup {backupId} of {path}", tar, ct), cancellationToken);
            payload.Add(new BackupPayload(name, path, sha256, bytes));
        }

        return payload;
    }
}
