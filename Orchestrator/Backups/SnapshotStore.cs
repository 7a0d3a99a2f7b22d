using System.Security.Cryptography;
using System.Text.Json;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Keeps baseline snapshots on disk under the data directory, one folder per run, so a restore
/// (or a rollback after a crash) can use them and a regulator can see what was restored.
/// </summary>
internal sealed class SnapshotStore
{
    private readonly string _root;

    public SnapshotStore(string root) => _root = root;

    /// <summary>The run's own folder: its snapshots, baseline description and any kept outcome.</summary>
    public string FolderOf(string runId) => Path.Combine(_root, runId);

    public async Task<Snapshot> SaveAsync(string runId, int index, string dataPath, Stream tar, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, runId);
        PrivateFiles.CreateFolder(folder);
        var file = Path.Combine(folder, $"{index:D2}-{FileNameFor(dataPath)}");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long bytes = 0;
        await using (var output = PrivateFiles.CreateNew(file))
        {
            int read;
            while ((read = await tar.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }

            // On disk before the attack starts: a power cut mid-drill must still leave the baseline to restore.
            output.Flush(flushToDisk: true);
        }

        return new Snapshot(dataPath, file, Convert.ToHexStringLower(sha.GetHashAndReset()), bytes);
    }

    /// <summary>Opens a snapshot only after its checksum matches the one taken at baseline.</summary>
    public static async Task<Stream> OpenVerifiedAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            // Read once and check those very bytes: nothing can change between the check and the use.
            bytes = await File.ReadAllBytesAsync(snapshot.File, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BackupCorruptException($"Backup of {snapshot.DataPath} cannot be read from {snapshot.File}: {ex.Message}", "check the data directory's snapshots folder (permissions, disk)", ex);
        }

        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, snapshot.Sha256, StringComparison.Ordinal))
        {
            throw new BackupCorruptException(
                $"Backup of {snapshot.DataPath} failed its checksum (expected {snapshot.Sha256[..12]}…, found {actual[..12]}…); refusing to restore from it.",
                "the snapshot file was changed or damaged after it was taken; restore the system from another copy");
        }

        return new MemoryStream(bytes, writable: false);
    }

    /// <summary>
    /// Writes the baseline's description beside its snapshots: after a crash, the next start reads it to
    /// roll the target back with the very snapshots and manifest the interrupted drill took.
    /// </summary>
    public async Task SaveBaselineAsync(string runId, BaselineBackup baseline, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, runId);
        PrivateFiles.CreateFolder(folder);
        // Replaced whole and on disk when this returns, before the attack starts.
        await PrivateFiles.ReplaceAsync(Path.Combine(folder, BaselineFile), JsonSerializer.SerializeToUtf8Bytes(baseline), cancellationToken);
    }

    /// <summary>The baseline a run recorded, or null when the run never finished taking one.</summary>
    public BaselineBackup? LoadBaseline(string runId)
    {
        var file = Path.Combine(_root, runId, BaselineFile);
        return File.Exists(file) ? JsonSerializer.Deserialize<BaselineBackup>(File.ReadAllText(file)) : null;
    }

    private const string BaselineFile = "baseline.json";

    private static string FileNameFor(string dataPath) =>
        string.Concat(dataPath.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '_')) + ".tar";
}
