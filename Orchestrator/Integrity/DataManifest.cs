using System.Buffers;
using System.Formats.Tar;
using System.Security.Cryptography;
using Drills.Scenarios.Paths;

namespace Drills.Orchestrator.Integrity;

/// <summary>
/// Every entry under a system's data paths, keyed by container path: files (SHA-256 of their content),
/// folders, symbolic links (their target) and hard links, each with its mode and owner (uid:gid), so a
/// restore that brings the bytes back but loses a folder, a link or a permission does not read as intact.
/// Built from the tar the engine hands out, so the check reads the files through the Docker API and never on the host.
/// Values are <see cref="ManifestEntry"/> lines.
/// </summary>
internal sealed record DataManifest(IReadOnlyDictionary<string, string> Files)
{
    public static DataManifest Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Reads a tar of <paramref name="dataPath"/> whose root entry is the path's last segment, as it streams.</summary>
    public static async Task<DataManifest> FromTarAsync(string dataPath, Stream tar, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var parent = ContainerPath.ParentOf(dataPath).TrimEnd('/');
        await using var reader = new TarReader(tar, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var content = entry.EntryType switch
            {
                TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile =>
                    await HashOfAsync(entry.DataStream ?? Stream.Null, cancellationToken),
                TarEntryType.SymbolicLink or TarEntryType.HardLink => entry.LinkName,
                _ => "",
            };
            files[parent + "/" + entry.Name.TrimEnd('/')] = ManifestEntry.Of(entry, content).ToString();
        }

        return new DataManifest(files);
    }

    public DataManifest Merge(DataManifest other)
    {
        var merged = new Dictionary<string, string>(Files, StringComparer.Ordinal);
        foreach (var (path, hash) in other.Files)
        {
            merged[path] = hash;
        }

        return new DataManifest(merged);
    }

    public ManifestComparison CompareTo(DataManifest baseline)
    {
        var changed = Files
            .Where(f => baseline.Files.TryGetValue(f.Key, out var before) && before != f.Value)
            .Select(f => new ManifestChange(f.Key, ManifestEntry.Parse(f.Value).DifferenceFrom(ManifestEntry.Parse(baseline.Files[f.Key]))))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            .ToArray();
        var added = Files.Keys.Where(p => !baseline.Files.ContainsKey(p));
        var missing = baseline.Files.Keys.Where(p => !Files.ContainsKey(p));
        return new ManifestComparison(baseline.Files.Count, changed, Sorted(added), Sorted(missing));
    }

    private static string[] Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Hashed in large reads: a file of gigabytes passes in few round trips to the engine's stream.</summary>
    private static async Task<string> HashOfAsync(Stream content, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
