using System.Security.Cryptography;
using Drills.Scenarios.Backups;
using static System.FormattableString;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Where backups live on disk: <c>&lt;data-dir&gt;/backups/&lt;system&gt;/&lt;id&gt;/</c> (online) and
/// <c>&lt;offline&gt;/&lt;system&gt;/&lt;id&gt;/</c> (offline). A backup is assembled in a hidden temporary folder
/// beside its final one and renamed into place whole; only folders named by a valid backup id are ever listed.
/// </summary>
internal sealed record BackupLayout(string OnlineRoot, string OfflineRoot)
{
    public string RootOf(string copy) => copy == Copies.Offline ? OfflineRoot : OnlineRoot;

    public string FolderOf(string copy, string systemId, string backupId) => Path.Combine(RootOf(copy), systemId, backupId);

    /// <summary>A hidden, unpredictable folder beside the backup's own: never listed, renamed into place when complete.</summary>
    public string TemporaryFolderOf(string copy, string systemId, string backupId) =>
        Path.Combine(RootOf(copy), systemId, $".{backupId}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");

    /// <summary>One lock file per backup in use by a drill; hidden, so never listed as a backup.</summary>
    public string LeaseOf(string systemId, string backupId) => Path.Combine(OnlineRoot, systemId, ".in-use", backupId + ".lock");

    /// <summary>The complete backups of a system in one copy's root, newest first.</summary>
    public IEnumerable<string> IdsIn(string copy, string systemId)
    {
        var folder = Path.Combine(RootOf(copy), systemId);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(BackupIds.IsValid)
            .OrderDescending(StringComparer.Ordinal);
    }

    /// <summary>The systems with any backup folder, online or offline.</summary>
    public IEnumerable<string> Systems() =>
        new[] { OnlineRoot, OfflineRoot }
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>A new id: the UTC second it was taken, then 32 random bits.</summary>
    public static string NewId(DateTimeOffset takenAtUtc) =>
        Invariant($"{takenAtUtc.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <summary>The names of a backup's two copies, as <see cref="AgencyBackup.Copies"/> and the run record say them.</summary>
    public static class Copies
    {
        public const string Online = Drills.Scenarios.RunRecords.RestoredBackup.Online;
        public const string Offline = Drills.Scenarios.RunRecords.RestoredBackup.Offline;
    }
}
