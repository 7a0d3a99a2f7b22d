using System.Formats.Tar;
using System.Security.Cryptography;
using Drills.Scenarios.Paths;

namespace Drills.Orchestrator.Integrity;

/// <summary>
/// SHA-256 of every file under a system's data paths, keyed by container path. Built from the tar the
/// engine hands out, so the check reads the files through the Docker API and never on the host.
/// </summary>
internal sealed record DataManifest(IReadOnlyDictionary<string, string> Files)
{
    public static DataManifest Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Reads a tar of <paramref name="dataPath"/> whose root entry is the path's last segment.</summary>
    public static DataManifest FromTar(string dataPath, Stream tar)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var parent = ContainerPath.ParentOf(dataPath).TrimEnd('/');
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            var path = parent + "/" + entry.Name.TrimEnd('/');
            switch (entry.EntryType)
            {
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    files[path] = entry.DataStream is null ? HashOf(Stream.Null) : HashOf(entry.DataStream);
                    break;
                case TarEntryType.SymbolicLink:
                    files[path] = "link:" + entry.LinkName;
                    break;
            }
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
        var changed = Files.Where(f => baseline.Files.TryGetValue(f.Key, out var h) && h != f.Value).Select(f => f.Key);
        var added = Files.Keys.Where(p => !baseline.Files.ContainsKey(p));
        var missing = baseline.Files.Keys.Where(p => !Files.ContainsKey(p));
        return new ManifestComparison(baseline.Files.Count, Sorted(changed), Sorted(added), Sorted(missing));
    }

    private static string[] Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal).ToArray();

    private static string HashOf(Stream content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
