using System.Formats.Tar;
using static System.FormattableString;

namespace Drills.Orchestrator.Integrity;

/// <summary>
/// What the manifest records of one path: its kind, mode and owner, and its content (a file's SHA-256, a
/// link's target). Stored as one line of text ("file 0644 0:0 sha256…"), so baseline.json stays a plain map.
/// </summary>
internal readonly record struct ManifestEntry(string Kind, string Mode, string Owner, string Content)
{
    public const string File = "file";
    public const string Folder = "dir";
    public const string Link = "symlink";
    public const string HardLink = "hardlink";

    public static ManifestEntry Of(TarEntry entry, string content)
    {
        var kind = entry.EntryType switch
        {
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => File,
            TarEntryType.Directory => Folder,
            TarEntryType.SymbolicLink => Link,
            TarEntryType.HardLink => HardLink,
            var other => other.ToString().ToLowerInvariant(),
        };
        // A link's own mode means nothing on Linux (always 0777); its target is what matters.
        var mode = kind is Link ? "-" : Convert.ToString((int)entry.Mode, 8).PadLeft(4, '0');
        return new ManifestEntry(kind, mode, Invariant($"{entry.Uid}:{entry.Gid}"), content);
    }

    public override string ToString() => $"{Kind} {Mode} {Owner} {Content}".TrimEnd();

    /// <summary>Reads a stored line; a line written before modes and owners were recorded reads as a file or link with unknown mode.</summary>
    public static ManifestEntry Parse(string text)
    {
        var parts = text.Split(' ', 4);
        if (parts.Length >= 3 && parts[0] is File or Folder or Link or HardLink or "chardevice" or "blockdevice" or "fifo")
        {
            return new ManifestEntry(parts[0], parts[1], parts[2], parts.Length == 4 ? parts[3] : "");
        }

        return text.StartsWith("link:", StringComparison.Ordinal)
            ? new ManifestEntry(Link, "?", "?", text["link:".Length..])
            : new ManifestEntry(File, "?", "?", text);
    }

    /// <summary>What differs from <paramref name="baseline"/>, in words ("mode 0644 → 0600"); empty when nothing does.</summary>
    public string DifferenceFrom(ManifestEntry baseline)
    {
        if (Kind != baseline.Kind)
        {
            return $"{baseline.Kind} → {Kind}";
        }

        var differences = new List<string>();
        if (Mode != baseline.Mode)
        {
            differences.Add($"mode {baseline.Mode} → {Mode}");
        }

        if (Owner != baseline.Owner)
        {
            differences.Add($"owner {baseline.Owner} → {Owner}");
        }

        if (Content != baseline.Content)
        {
            differences.Add(Kind switch
            {
                Link or HardLink => $"target {baseline.Content} → {Content}",
                _ => "content",
            });
        }

        return string.Join(", ", differences);
    }
}
