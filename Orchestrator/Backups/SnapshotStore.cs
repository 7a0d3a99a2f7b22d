using System.Security.Cryptography;
using System.Text.Json;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Integrity;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Keeps baseline snapshots on disk under the data directory, one folder per run, so a restore
/// (or a rollback after a crash) can use them and a regulator can see what was restored.
/// </summary>
internal sealed class SnapshotStore
{
    private readonly string _root;

    /// <param name="root">The snapshots folder of the data directory.</param>
    /// <param name="maxBytes">The largest archive of one data path drills stores (default 64 GiB; DRILLS_MAX_SNAPSHOT_GIB).</param>
    public SnapshotStore(string root, long maxBytes = ArchiveLimit.DefaultSnapshotBytes)
    {
        _root = root;
        Limit = new ArchiveLimit(maxBytes,
            "raise the snapshot limit with DRILLS_MAX_SNAPSHOT_GIB (the data directory's disk must hold it), or declare smaller data paths in the catalogue");
    }

    /// <summary>The snapshots folder of the data directory: the readiness gate measures its free space.</summary>
    public string Root => _root;

    /// <summary>The run's own folder: its snapshots, baseline description and any kept outcome.</summary>
    public string FolderOf(string runId) => Path.Combine(_root, runId);

    /// <summary>How much of one data path's archive a snapshot may hold.</summary>
    public ArchiveLimit Limit { get; }

    /// <summary>
    /// Streams <paramref name="tar"/> to a private file under an unpredictable temporary name while hashing it and
    /// reading its manifest, flushes it, renames it into place and flushes the folder: no archive is ever held in
    /// memory, and a crash leaves either the whole snapshot or a hidden temporary file the next start removes.
    /// </summary>
    public async Task<(Snapshot Snapshot, DataManifest Manifest)> SaveAsync(
        string runId, int index, string dataPath, Stream tar, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_root, runId);
        PrivateFiles.CreateFolder(folder);
        var file = Path.Combine(folder, $"{index:D2}-{FileNameFor(dataPath)}");
        var (sha256, bytes, manifest) = await StreamedFile.SaveAsync(
            file, $"The snapshot of {dataPath}", tar, (copying, ct) => DataManifest.FromTarAsync(dataPath, copying, ct), cancellationToken);
        return (new Snapshot(dataPath, file, sha256, bytes), manifest);
    }

    /// <summary>
    /// Opens a snapshot for a restore only after its checksum matches the one taken at baseline: the file is
    /// read through once to hash it, then handed back from its start on the same open handle (nothing is
    /// buffered; a file renamed over it meanwhile is not the one read).
    /// </summary>
    public static async Task<Stream> OpenVerifiedAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        FileStream file;
        string actual;
        try
        {
            file = PrivateFiles.OpenRead(snapshot.File);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(snapshot, ex);
        }

        try
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            file.Position = 0;
        }
        catch (Exception ex)
        {
            await file.DisposeAsync();
            throw ex is IOException or UnauthorizedAccessException ? Unreadable(snapshot, ex) : ex;
        }

        if (!string.Equals(actual, snapshot.Sha256, StringComparison.Ordinal))
        {
            await file.DisposeAsync();
            throw new BackupCorruptException(
                $"Backup of {snapshot.DataPath} failed its checksum (expected {snapshot.Sha256[..12]}…, found {actual[..12]}…); refusing to restore from it.",
                "the snapshot file was changed or damaged after it was taken; restore the system from another copy");
        }

        return file;
    }

    private static BackupCorruptException Unreadable(Snapshot snapshot, Exception ex) =>
        new($"Backup of {snapshot.DataPath} cannot be read from {snapshot.File}: {ex.Message}", "check the data directory's snapshots folder (permissions, disk)", ex);

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

    public static string FileNameFor(string dataPath) =>
        string.Concat(dataPath.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '_')) + ".tar";
}
