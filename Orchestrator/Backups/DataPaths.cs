using System.Collections.Concurrent;
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

    /// <summary>
    /// The last manifest read of each (container, path), with the fingerprint taken just before reading it: a
    /// probe whose fingerprint is the same reuses the manifest instead of copying the path out again.
    /// </summary>
    private readonly ConcurrentDictionary<(string Container, string Path), (string Fingerprint, DataManifest Manifest)> _lastRead = new();

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
            var fingerprint = await FingerprintAsync(containerId, path, cancellationToken);
            var (snapshot, read) = await _runtime.ReadArchiveAsync(
                containerId, path, _store.Limit, (tar, ct) => _store.SaveAsync(runId, snapshots.Count, path, tar, ct), cancellationToken);
            Remember(containerId, path, fingerprint, read);
            manifest = manifest.Merge(read);
            snapshots.Add(snapshot);
        }

        var baseline = new BaselineBackup(snapshots, manifest);
        await _store.SaveBaselineAsync(runId, baseline, cancellationToken);
        return baseline;
    }

    /// <summary>
    /// The manifest of the paths now. A path whose fingerprint has not moved since it was last read is not
    /// copied out again; otherwise its archive is hashed as it streams and nothing of it is kept.
    /// </summary>
    public async Task<DataManifest> ReadManifestAsync(string containerId, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var manifest = DataManifest.Empty;
        foreach (var path in paths)
        {
            var fingerprint = await FingerprintAsync(containerId, path, cancellationToken);
            if (fingerprint is null || !_lastRead.TryGetValue((containerId, path), out var last) || last.Fingerprint != fingerprint)
            {
                var read = await _runtime.ReadArchiveAsync(
                    containerId, path, _store.Limit, (tar, ct) => DataManifest.FromTarAsync(path, tar, ct), cancellationToken);
                Remember(containerId, path, fingerprint, read);
                last = (fingerprint ?? "", read);
            }

            manifest = manifest.Merge(last.Manifest);
        }

        return manifest;
    }

    /// <summary>Taken before the read it vouches for: a change during the read moves the next fingerprint, never this one.</summary>
    private async Task<string?> FingerprintAsync(string containerId, string path, CancellationToken cancellationToken)
    {
        try
        {
            return DataFingerprint.Of(await _runtime.ExecAsync(containerId, DataFingerprint.Command(path), cancellationToken));
        }
        catch (DockerOperationException)
        {
            // Stopped or paused: the archive can still be read, just not fingerprinted.
            return null;
        }
    }

    private void Remember(string containerId, string path, string? fingerprint, DataManifest manifest)
    {
        if (fingerprint is null)
        {
            _lastRead.TryRemove((containerId, path), out _);
        }
        else
        {
            _lastRead[(containerId, path)] = (fingerprint, manifest);
        }
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
