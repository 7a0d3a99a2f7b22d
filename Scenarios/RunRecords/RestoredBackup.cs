namespace Drills.Scenarios.RunRecords;

/// <summary>Which copy a restore-backup step used, and why when it was not the one asked for.</summary>
/// <param name="BackupId">The agency backup restored; null when the drill restored its own baseline snapshot.</param>
/// <param name="Copy"><c>online</c>, <c>offline</c> or <c>baseline</c> (the drill's own snapshot).</param>
/// <param name="Fallback">Why another backup or copy than asked was used (checksum mismatch, deleted); null when none was needed.</param>
internal sealed record RestoredBackup(string? BackupId, DateTimeOffset? TakenAtUtc, string Copy, string? Fallback)
{
    public const string Online = "online";
    public const string Offline = "offline";
    public const string Baseline = "baseline";
}
