using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// The backup's second whole copy, under the offline directory no attack step can reach: payload files copied and
/// checked against the manifest as they go, then completed as <see cref="BackupFolder"/> completes every backup folder.
/// </summary>
internal static class OfflineCopy
{
    /// <summary>A second whole copy of the payload in <paramref name="source"/> (manifest included) at <paramref name="final"/>.</summary>
    public static async Task WriteAsync(BackupManifest manifest, string source, string temporary, string final, CancellationToken cancellationToken)
    {
        await BackupFolder.CompleteAsync(manifest, temporary, final, async () =>
        {
            foreach (var file in manifest.Payload)
            {
                await using var content = PrivateFiles.OpenRead(Path.Combine(source, file.File));
                var (sha256, _) = await StreamedFile.SaveAsync(Path.Combine(temporary, file.File), $"The offline copy of backup {manifest.Id}", content, cancellationToken);
                if (sha256 != file.Sha256)
                {
                    throw new BackupCorruptException(
                        $"Backup {manifest.Id} of {manifest.SystemId} changed while its offline copy was written: {file.File} does not match its checksum.",
                        "check the data directory's disk, then take the backup again");
                }
            }
        }, cancellationToken);
    }
}
