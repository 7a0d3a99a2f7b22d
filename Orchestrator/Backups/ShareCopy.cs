using System.Formats.Tar;
using System.IO.Pipelines;
using Drills.Orchestrator.Docker;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// The online copy's payload on the system's backup share: a folder inside the container, on a volume it mounts,
/// written and read only through the engine's archive API (<c>&lt;share&gt;/&lt;id&gt;/</c>). It is within an
/// attacker's reach by design, so it is never used before it is fetched to the data directory and verified.
/// </summary>
internal static class ShareCopy
{
    /// <summary>Streams the payload files into the share as one tar made on the fly; nothing is held whole in memory.</summary>
    public static async Task PutAsync(
        IContainerRuntime runtime, string containerId, string share, string backupId, string folder, IReadOnlyList<BackupPayload> payload, CancellationToken cancellationToken)
    {
        var pipe = new Pipe();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writing = WriteTarAsync(pipe.Writer, backupId, folder, payload, stop.Token);
        try
        {
            await using var tar = pipe.Reader.AsStream();
            await runtime.CopyToAsync(containerId, share, tar, cancellationToken);
        }
        catch (DockerOperationException ex)
        {
            throw new DockerOperationException(
                $"The backup share {share} of container {containerId[..Math.Min(12, containerId.Length)]} cannot be written: {ex.Problem}",
                "check that the container mounts the volume declared for backup.share (drills redeploys a container drills created when a declared volume is missing)");
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await writing;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The engine stopped reading: its error above is the one that matters.
            }
        }
    }

    private static async Task WriteTarAsync(PipeWriter sink, string backupId, string folder, IReadOnlyList<BackupPayload> payload, CancellationToken cancellationToken)
    {
        try
        {
            await using (var output = sink.AsStream(leaveOpen: true))
            await using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, backupId + "/") { Mode = PrivateFiles.FolderMode }, cancellationToken);
                foreach (var file in payload)
                {
                    await using var content = PrivateFiles.OpenRead(Path.Combine(folder, file.File));
                    var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{backupId}/{file.File}") { Mode = PrivateFiles.FileMode, DataStream = content };
                    await writer.WriteEntryAsync(entry, cancellationToken);
                }
            }

            await sink.CompleteAsync();
        }
        catch (Exception ex)
        {
            await sink.CompleteAsync(ex);
            throw;
        }
    }

    /// <summary>
    /// Copies one payload file out of the share to <paramref name="file"/> on the data directory's disk while hashing
    /// it; null when the share no longer has it (deleted).
    /// </summary>
    public static async Task<(string Sha256, long Bytes)?> FetchAsync(
        IContainerRuntime runtime, string containerId, string share, string backupId, BackupPayload payload, string file, ArchiveLimit limit, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.ReadArchiveAsync<(string, long)?>(containerId, $"{share}/{backupId}/{payload.File}", limit, async (tar, ct) =>
            {
                await using var reader = new TarReader(tar, leaveOpen: true);
                var entry = await reader.GetNextEntryAsync(copyData: false, ct);
                if (entry?.DataStream is not { } content)
                {
                    return null;
                }

                return await StreamedFile.SaveAsync(file, $"Backup {backupId} fetched from {share}", content, ct);
            }, cancellationToken);
        }
        catch (DockerOperationException)
        {
            // The engine answers a missing path with "not found": the copy is gone.
            return null;
        }
    }

    /// <summary>Deletes the backup's folder on the share (retention), inside the container.</summary>
    public static async Task RemoveAsync(IContainerRuntime runtime, string containerId, string share, string backupId, CancellationToken cancellationToken) =>
        await runtime.ExecAsync(containerId, ["rm", "-rf", "--", $"{share}/{backupId}"], cancellationToken);
}
