using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Integrity;
using Drills.Scenarios.Paths;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Reads, snapshots and restores a system's data paths, always through the Docker API
/// (archive copy and exec inside the target), never on the host's file system.
/// </summary>
internal sealed class DataPaths
{
    private readonly IContainerRuntime _runtime;
    private readonly SnapshotStore _store;

    public DataPaths(IContainerRuntime runtime, SnapshotStore store)
    {
        _runtime = runtime;
        _store = store;
    }

    public async Task<BaselineBackup> TakeBaselineAsync(string runId, string containerId, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var snapshots = new List<Snapshot>();
        var manifest = DataManifest.Empty;
        foreach (var path in paths)
        {
            await using var tar = await _runtime.CopyFromAsync(containerId, path, cancellationToken);
            var snapshot = await _store.SaveAsync(runId, snapshots.Count, path, tar, cancellationToken);
            tar.Position = 0;
            manifest = manifest.Merge(DataManifest.FromTar(path, tar));
            snapshots.Add(snapshot);
        }

        var baseline = new BaselineBackup(snapshots, manifest);
        await _store.SaveBaselineAsync(runId, baseline, cancellationToken);
        return baseline;
    }

    public async Task<DataManifest> ReadManifestAsync(string containerId, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var manifest = DataManifest.Empty;
        foreach (var path in paths)
        {
            await using var tar = await _runtime.CopyFromAsync(containerId, path, cancellationToken);
            manifest = manifest.Merge(DataManifest.FromTar(path, tar));
        }

        return manifest;
    }

    /// <summary>
    /// Empties each data path and extracts its verified snapshot. Emptying first matters: files the
    /// attack added (encrypted copies, ransom notes) must not survive a restore.
    /// </summary>
    public async Task<string> RestoreAsync(string containerId, BaselineBackup baseline, CancellationToken cancellationToken)
    {
        var info = await _runtime.InspectAsync(containerId, cancellationToken);
        var running = info.Status is ContainerStatus.Running;
        long bytes = 0;
        foreach (var snapshot in baseline.Snapshots)
        {
            await using var tar = await SnapshotStore.OpenVerifiedAsync(snapshot, cancellationToken);
            if (running)
            {
                var cleared = await ClearAsync(containerId, snapshot.DataPath, cancellationToken);
                if (!cleared.Succeeded)
                {
                    throw new DockerOperationException($"Could not empty {snapshot.DataPath} before restoring it (exit {cleared.ExitCode}): {cleared.Stderr.Trim()}",
                        "check that the container is running and can run rm on its data paths");
                }
            }

            await _runtime.CopyToAsync(containerId, ContainerPath.ParentOf(snapshot.DataPath), tar, cancellationToken);
            bytes += snapshot.Bytes;
        }

        var note = running ? "" : " (container not running: files overwritten in place, extra files not removed)";
        return $"restored {baseline.Snapshots.Count} path(s), {bytes / 1024} KiB, checksums verified before use{note}";
    }

    /// <summary>Deletes everything under the paths, hidden files included, inside the container.</summary>
    public async Task<ExecResult> ClearAsync(string containerId, string path, CancellationToken cancellationToken) =>
        await _runtime.ExecAsync(containerId, ClearCommand(path), cancellationToken);

    public static IReadOnlyList<string> ClearCommand(params string[] paths) =>
        ["sh", "-c", "for p in \"$@\"; do rm -rf -- \"$p\"/* \"$p\"/.[!.]* \"$p\"/..?*; done", "drills-clear", .. paths];
}
