using System.Text.RegularExpressions;

namespace Drills.Scenarios.Backups;

/// <summary>
/// Backup ids sort by the UTC time the backup was taken and never collide: after the second come 32 random bits
/// (<c>20261201-143000-a1b2c3d4</c>). The orchestrator makes them; the catalogue may name one in restore-backup.
/// </summary>
internal static partial class BackupIds
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    /// <summary>An example for messages.</summary>
    public const string Example = "20261201-143000-a1b2c3d4";

    [GeneratedRegex(@"^\d{8}-\d{6}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
