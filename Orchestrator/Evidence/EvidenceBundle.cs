using System.IO.Compression;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// The exported zip: the evidence files at its top level. Reading is bounded, so a crafted archive (a zip bomb,
/// thousands of entries) cannot exhaust memory: at most <see cref="MaxEntries"/> entries, each at most
/// <see cref="MaxMemberBytes"/> once inflated, whatever its header claims.
/// </summary>
internal static class EvidenceBundle
{
    public const int MaxEntries = 64;
    public const long MaxMemberBytes = 256L * 1024 * 1024;

    /// <summary>All members together, inflated: a bundle of many members each just under the bound cannot exhaust memory either.</summary>
    public const long MaxBundleBytes = 512L * 1024 * 1024;

    /// <summary>Writes the bundle whole under a temporary name, then moves it to <paramref name="path"/>; never over an existing file.</summary>
    /// <exception cref="IOException">Something already has the path.</exception>
    public static async Task WriteAsync(string path, IReadOnlyList<EvidenceMember> members, CancellationToken cancellationToken)
    {
        var temporary = PrivateFiles.TemporaryPathFor(path);
        try
        {
            await using (var file = PrivateFiles.CreateNew(temporary))
            {
                await using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var member in members)
                    {
                        var entry = zip.CreateEntry(member.Name, CompressionLevel.Optimal);
                        await using var stream = entry.Open();
                        await stream.WriteAsync(member.Content, cancellationToken);
                    }
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Every entry of the bundle, read within the bounds.</summary>
    /// <exception cref="BundleUnreadableException">Not a zip, damaged, or over a bound.</exception>
    public static IReadOnlyList<EvidenceMember> Read(string path)
    {
        try
        {
            using var file = PrivateFiles.OpenRead(path);
            using var zip = new ZipArchive(file, ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries)
            {
                throw Unreadable(path, $"it has {zip.Entries.Count} entries; an evidence bundle has 6 or 7 (at most {MaxEntries} are read)");
            }

            var members = new List<EvidenceMember>();
            var total = 0L;
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                // A member no bundle holds is named as unexpected; its content is never inflated.
                var content = IsEvidenceFile(entry.FullName) ? ReadBounded(entry, path, MaxBundleBytes - total) : [];
                total += content.Length;
                members.Add(new EvidenceMember(entry.FullName, content));
            }

            return members;
        }
        catch (InvalidDataException ex)
        {
            throw Unreadable(path, $"it is not a readable zip archive ({ex.Message.TrimEnd('.')})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BundleUnreadableException($"Cannot read {path}: {ex.Message.TrimEnd('.')}", "check the path and its permissions", ex);
        }
    }

    private static bool IsEvidenceFile(string name) => EvidenceFiles.Required.Contains(name) || name == EvidenceFiles.JUnit;

    private static byte[] ReadBounded(ZipArchiveEntry entry, string path, long budget)
    {
        if (budget < MaxMemberBytes && entry.Length > budget)
        {
            throw Unreadable(path, $"its members inflate past {MaxBundleBytes / (1024 * 1024)} MiB together");
        }

        if (entry.Length > MaxMemberBytes)
        {
            throw Unreadable(path, $"its member {entry.FullName} inflates to {entry.Length} bytes, over the {MaxMemberBytes / (1024 * 1024)} MiB an evidence file may have");
        }

        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // The header's size may lie: count what actually comes out.
            if (buffer.Length + read > MaxMemberBytes)
            {
                throw Unreadable(path, $"its member {entry.FullName} inflates past {MaxMemberBytes / (1024 * 1024)} MiB");
            }

            if (buffer.Length + read > budget)
            {
                throw Unreadable(path, $"its members inflate past {MaxBundleBytes / (1024 * 1024)} MiB together");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static BundleUnreadableException Unreadable(string path, string why, Exception? inner = null) =>
        new($"{path} is not an evidence bundle drills can read: {why}", "give the .zip that drills export wrote, or a run id to check that run's evidence in the data directory", inner);
}
