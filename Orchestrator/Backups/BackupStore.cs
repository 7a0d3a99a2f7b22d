using System.Collections.Concurrent;
using Drills.Orchestrator.Docker;
using Drills.Reports.Files;
using Drills.Scenarios.Catalogue;
using Serilog;
using static Drills.Orchestrator.Backups.BackupLayout;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// The agency backups under the data directory (online) and the offline directory: taken whole or not at all,
/// verified by checksum before any use, pruned to the system's <c>keep</c>. See <see cref="BackupLayout"/> for
/// where each copy lives and <see cref="BackupManifest"/> for what is recorded of it.
/// </summary>
internal sealed partial class BackupStore : IAgencyBackups
{
    private readonly BackupLayout _layout;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    /// <summary>Leases a drill holds on the backups it took or restores, released when it ends.</summary>
    private readonly ConcurrentDictionary<string, List<BackupLease>> _held = new(StringComparer.Ordinal);

    /// <param name="onlineRoot">The data directory's backups folder.</param>
    /// <param name="offlineRoot">The offline directory (<c>--offline-dir</c>, default <c>&lt;data-dir&gt;/offline</c>).</param>
    /// <param name="maxBytes">The largest payload file drills takes (the snapshot limit).</param>
    public BackupStore(string onlineRoot, string offlineRoot, TimeProvider time, ILogger log, long maxBytes = ArchiveLimit.DefaultSnapshotBytes)
    {
        _layout = new BackupLayout(onlineRoot, offlineRoot);
        _time = time;
        _log = log.ForContext<BackupStore>();
        Limit = new ArchiveLimit(maxBytes,
            "raise the limit with DRILLS_MAX_SNAPSHOT_GIB (the data directory's disk must hold it), or back the system up with a smaller dump");
        PrivateFiles.CreateFolder(onlineRoot);
        PrivateFiles.CreateFolder(offlineRoot);
    }

    public ArchiveLimit Limit { get; }

    public BackupLayout Layout => _layout;

    public async Task<AgencyBackup> TakeAsync(SystemDefinition system, IContainerRuntime runtime, string containerId, string? runId, CancellationToken cancellationToken)
    {
        var spec = system.Backup ?? throw new InvalidOperationException($"System {system.Id} declares no backup.");
        var takenAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var id = NewId(takenAt);
        PrivateFiles.CreateFolder(Path.Combine(_layout.OnlineRoot, system.Id));
        PrivateFiles.CreateFolder(Path.Combine(_layout.OfflineRoot, system.Id));
        var online = _layout.TemporaryFolderOf(Copies.Online, system.Id, id);
        var offline = _layout.FolderOf(Copies.Offline, system.Id, id);
        BackupManifest manifest;
        try
        {
            PrivateFiles.CreateFolder(online);
            var payload = spec.Method is BackupMethod.Exec
                ? await ExecBackup.TakeAsync(runtime, containerId, id, system, online, Limit, cancellationToken)
                : await FilesBackup.TakeAsync(runtime, containerId, id, system.Data.Paths, online, Limit, cancellationToken);
            var info = await runtime.InspectAsync(containerId, cancellationToken);
            manifest = new BackupManifest(id, system.Id, spec.Method, takenAt, runId, info.ImageDigest ?? info.Image, payload,
                spec.Share, spec.Share is null ? null : info.Name);
            await OfflineCopy.WriteAsync(manifest, online, _layout.TemporaryFolderOf(Copies.Offline, system.Id, id), offline, cancellationToken);
            if (spec.Share is { } share)
            {
                await ShareCopy.PutAsync(runtime, containerId, share, id, online, payload, cancellationToken);
                foreach (var file in payload)
                {
                    File.Delete(Path.Combine(online, file.File));
                }
            }

            await BackupFolder.CompleteAsync(manifest, online, _layout.FolderOf(Copies.Online, system.Id, id), () => Task.CompletedTask, cancellationToken);
        }
        catch
        {
            BackupFolder.Remove(online);
            BackupFolder.Remove(offline);
            throw;
        }

        if (runId is not null)
        {
            Hold(system.Id, id, runId);
        }

        _log.Information("Backup {BackupId} of {System} taken ({Method}, {Bytes} bytes, sha256 {Sha256}, online at {Online}) in {Elapsed}",
            id, system.Id, spec.Method, manifest.Bytes, manifest.Sha256, manifest.OnlinePlace, _time.GetElapsedTime(started));
        await new BackupRetention(this, _layout, _log).PruneAsync(system, runtime, containerId, cancellationToken);
        return manifest.ToBackup([Copies.Online, Copies.Offline]);
    }

    public IReadOnlyList<AgencyBackup> List(string systemId) =>
        Manifests(systemId).Select(m => m.Manifest.ToBackup(m.Copies)).ToList();

    /// <summary>Every complete backup of the system, newest first, with the copies whose folder holds a manifest.</summary>
    internal IEnumerable<(BackupManifest Manifest, IReadOnlyList<string> Copies)> Manifests(string systemId) =>
        _layout.IdsIn(Copies.Online, systemId).Union(_layout.IdsIn(Copies.Offline, systemId), StringComparer.Ordinal)
            .Select(id => Find(systemId, id))
            .OfType<(BackupManifest Manifest, IReadOnlyList<string> Copies)>()
            // Two backups in one second share their id's time part: the manifest's time orders them.
            .OrderByDescending(m => m.Manifest.TakenAtUtc)
            .ThenByDescending(m => m.Manifest.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>One backup by id: its manifest (the online one when there is one) and the copies that hold one.</summary>
    internal (BackupManifest Manifest, IReadOnlyList<string> Copies)? Find(string systemId, string backupId)
    {
        var online = BackupManifest.Read(_layout.FolderOf(Copies.Online, systemId, backupId));
        var offline = BackupManifest.Read(_layout.FolderOf(Copies.Offline, systemId, backupId));
        if ((online ?? offline) is not { } manifest || manifest.Id != backupId || manifest.SystemId != systemId)
        {
            return null;
        }

        var copies = new List<string>();
        if (online is not null)
        {
            copies.Add(Copies.Online);
        }

        if (offline is not null)
        {
            copies.Add(Copies.Offline);
        }

        return (manifest, copies);
    }

    /// <summary>The systems that have any backup, for <c>drills backups</c> without a system.</summary>
    public IEnumerable<string> Systems() => _layout.Systems();

    public void Hold(AgencyBackup backup, string runId) => Hold(backup.SystemId, backup.Id, runId);

    private void Hold(string systemId, string backupId, string runId)
    {
        // Null when held already (this drill took it, or retention is deciding): that holder keeps it safe meanwhile.
        if (BackupLease.TryTake(_layout.LeaseOf(systemId, backupId)) is not { } lease)
        {
            return;
        }

        var leases = _held.GetOrAdd(runId, _ => []);
        lock (leases)
        {
            leases.Add(lease);
        }
    }

    public void Release(string runId)
    {
        if (_held.TryRemove(runId, out var leases))
        {
            lock (leases)
            {
                leases.ForEach(l => l.Dispose());
            }
        }
    }
}
