using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// A cheap stand-in for reading a data path whole: the kind, mode, owner, size, inode, change and
/// modification times of every entry under it, listed by <c>find</c> inside the container and hashed. Any
/// write, rename, chmod or chown moves an entry's change time (ctime), which no program can set back, so
/// an unchanged fingerprint means unchanged data and the last manifest can stand.
/// </summary>
internal static class DataFingerprint
{
    /// <summary>
    /// Entries changed this close to the listing are not trusted: a timestamp tick is a few milliseconds, so a
    /// write just after the listing could leave a ctime equal to the one listed.
    /// </summary>
    private const double RacySeconds = 2;

    /// <summary>The container's clock, then one NUL-separated record per entry (ctime first).</summary>
    public static IReadOnlyList<string> Command(string path) =>
        ["sh", "-c", "date +%s && exec find \"$1\" -printf '%C@ %T@ %y %m %U %G %s %i %p\\0%l\\0'", "drills-fingerprint", path];

    /// <summary>
    /// The fingerprint, or null when there is none to trust: the container has no shell or no find with
    /// -printf (busybox), the listing failed or was cut (a part of it cannot vouch for the rest), or an entry
    /// changed within the last two seconds.
    /// </summary>
    public static string? Of(ExecResult listing)
    {
        if (!listing.Succeeded || listing.Truncated)
        {
            return null;
        }

        var newline = listing.Stdout.IndexOf('\n', StringComparison.Ordinal);
        if (newline <= 0 || !double.TryParse(listing.Stdout[..newline], NumberStyles.Float, CultureInfo.InvariantCulture, out var now))
        {
            return null;
        }

        var fields = listing.Stdout[(newline + 1)..].Split('\0');
        if (fields.Length < 3)
        {
            return null;
        }

        // Fields alternate: "ctime mtime kind … path", then the link target.
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            var space = fields[i].IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !double.TryParse(fields[i][..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var changed) ||
                changed > now - RacySeconds)
            {
                return null;
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.Stdout[(newline + 1)..])));
    }
}
