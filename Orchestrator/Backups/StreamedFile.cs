using System.Security.Cryptography;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// The one way an engine's stream reaches the data directory's disk: to a private file under an unpredictable
/// temporary name while it is hashed, flushed, renamed into place and its folder flushed. Nothing is held in
/// memory beyond a chunk, and a crash leaves either the whole file or a hidden temporary one the next start removes.
/// Snapshots and agency backups both go through it.
/// </summary>
internal static class StreamedFile
{
    /// <param name="what">What the file holds, for a disk error: "The snapshot of /srv/www".</param>
    /// <param name="readThrough">
    /// Reads the stream as it is copied (a tar's manifest, say); whatever it leaves unread is copied after it,
    /// since the end of the stream belongs to the file too.
    /// </param>
    public static async Task<(string Sha256, long Bytes, T Value)> SaveAsync<T>(
        string file, string what, Stream source, Func<Stream, CancellationToken, Task<T>> readThrough, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var temporary = PrivateFiles.TemporaryPathFor(file);
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            T value;
            long bytes;
            await using (var output = OnDisk(what, file, () => PrivateFiles.CreateNew(temporary)))
            {
                await using var copying = new CopyingReadStream(source, output, sha, what);
                value = await readThrough(copying, cancellationToken);
                await copying.CopyToAsync(Stream.Null, cancellationToken);
                bytes = copying.Copied;
                // On disk before anything relies on it: a power cut just after must still leave the file.
                OnDisk(what, file, () => output.Flush(flushToDisk: true));
            }

            OnDisk(what, file, () =>
            {
                File.Move(temporary, file, overwrite: false);
                FolderSync.Flush(folder);
            });
            return (Convert.ToHexStringLower(sha.GetHashAndReset()), bytes, value);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>As <see cref="SaveAsync{T}"/>, copying the stream whole with nothing read on the way.</summary>
    public static async Task<(string Sha256, long Bytes)> SaveAsync(string file, string what, Stream source, CancellationToken cancellationToken)
    {
        var (sha, bytes, _) = await SaveAsync(file, what, source, (_, _) => Task.FromResult(true), cancellationToken);
        return (sha, bytes);
    }

    /// <summary>
    /// Runs a step on the data directory's disk. Its failures are the disk's, not the engine's: they must not
    /// read as "Docker does not answer" when they pass through the engine call that streams the archive.
    /// </summary>
    private static T OnDisk<T>(string what, string file, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (IOException ex)
        {
            throw SnapshotWriteException.For(what, file, ex);
        }
    }

    private static void OnDisk(string what, string file, Action step) =>
        OnDisk(what, file, () =>
        {
            step();
            return true;
        });
}
