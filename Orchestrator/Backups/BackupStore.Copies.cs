using System.Security.Cryptography;
using Drills.Orchestrator.Docker;
using Drills.Reports.Files;
using Drills.Scenarios.Catalogue;
using static Drills.Orchestrator.Backups.BackupLayout;

namespace Drills.Orchestrator.Backups;

/// <summary>Verifying a copy before any use: every payload file read through and matched against the manifest.</summary>
internal sealed partial class BackupStore
{
    public async Task<AgencyBackup?> NewestIntactAsync(SystemDefinition system, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        foreach (var (manifest, copies) in Manifests(system.Id))
        {
            foreach (var copy in copies)
            {
                if (await ProblemAsync(manifest, copy, runtime, containerId, cancellationToken) is null)
                {
                    return manifest.ToBackup(copies);
                }
            }
        }

        return null;
    }

    /// <summary>Why the copy cannot be used now (gone, a checksum that does not match), or null when it is intact.</summary>
    public async Task<string?> ProblemAsync(BackupManifest manifest, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        try
        {
            using var verified = await OpenAsync(manifest, copy, runtime, containerId, cancellationToken);
            return null;
        }
        catch (BackupCorruptException ex)
        {
            return ex.Problem;
        }
    }

    public async Task<VerifiedCopy> OpenAsync(AgencyBackup backup, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        var (manifest, _) = Find(backup.SystemId, backup.Id)
            ?? throw Unusable(backup.Id, backup.SystemId, copy, "is gone: no manifest.json is left of it");
        return await OpenAsync(manifest, copy, runtime, containerId, cancellationToken);
    }

    private async Task<VerifiedCopy> OpenAsync(BackupManifest manifest, string copy, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        var folder = _layout.FolderOf(copy, manifest.SystemId, manifest.Id);
        if (BackupManifest.Read(folder) is null)
        {
            throw Unusable(manifest.Id, manifest.SystemId, copy, $"is gone: {folder} holds no manifest.json");
        }

        if (copy == Copies.Online && manifest.Share is { } share)
        {
            return await FetchAsync(manifest, share, runtime, containerId, cancellationToken);
        }

        var files = new List<Snapshot>();
        foreach (var payload in manifest.Payload)
        {
            var file = Path.Combine(folder, payload.File);
            Check(manifest, copy, payload, file, await HashAsync(file, cancellationToken));
            files.Add(ToSnapshot(payload, file));
        }

        return new VerifiedCopy(manifest.ToBackup([copy]), copy, files, Fetched: null);
    }

    /// <summary>A share copy is fetched to the data directory as it is hashed, and used from there: the share stays in an attacker's reach.</summary>
    private async Task<VerifiedCopy> FetchAsync(BackupManifest manifest, string share, IContainerRuntime runtime, string? containerId, CancellationToken cancellationToken)
    {
        if (containerId is null)
        {
            throw Unusable(manifest.Id, manifest.SystemId, Copies.Online, $"sits on {share} in container {manifest.ContainerName}, which is not running here to read it");
        }

        var fetched = _layout.TemporaryFolderOf(Copies.Online, manifest.SystemId, manifest.Id);
        PrivateFiles.CreateFolder(fetched);
        try
        {
            var files = new List<Snapshot>();
            foreach (var payload in manifest.Payload)
            {
                var file = Path.Combine(fetched, payload.File);
                var got = await ShareCopy.FetchAsync(runtime, containerId, share, manifest.Id, payload, file, Limit, cancellationToken)
                    ?? throw Unusable(manifest.Id, manifest.SystemId, Copies.Online, $"is gone from {share}/{manifest.Id} ({payload.File} deleted)");
                Check(manifest, Copies.Online, payload, file, got.Sha256);
                files.Add(ToSnapshot(payload, file));
            }

            return new VerifiedCopy(manifest.ToBackup([Copies.Online]), Copies.Online, files, fetched);
        }
        catch
        {
            BackupFolder.Remove(fetched);
            throw;
        }
    }

    private static void Check(BackupManifest manifest, string copy, BackupPayload payload, string file, string? actual)
    {
        if (actual is null)
        {
            throw Unusable(manifest.Id, manifest.SystemId, copy, $"is incomplete: {payload.File} is missing");
        }

        if (!string.Equals(actual, payload.Sha256, StringComparison.Ordinal))
        {
            throw new BackupCorruptException(
                $"Backup {manifest.Id} of {manifest.SystemId}: its checksum does not match ({copy} copy, {payload.File}: expected sha256 {payload.Sha256[..12]}…, found {actual[..12]}…); refusing to restore from it",
                "restore another backup (restore-backup: { from: latest, fallback: next-intact } uses the offline copy or the previous intact one), and find out who changed it");
        }
    }

    private static async Task<string?> HashAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var content = PrivateFiles.OpenRead(file);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static Snapshot ToSnapshot(BackupPayload payload, string file) =>
        new(payload.DataPath ?? ExecBackup.DumpFile, file, payload.Sha256, payload.Bytes);

    private static BackupCorruptException Unusable(string backupId, string systemId, string copy, string why) => new(
        $"Backup {backupId} of {systemId}: its {copy} copy {why}; refusing to restore from it",
        "restore another backup (restore-backup: { from: latest, fallback: next-intact } uses the offline copy or the previous intact one), or take a new one with drills backup " + systemId);
}
