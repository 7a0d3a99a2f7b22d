using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>How an agency backup of a system is made and restored.</summary>
internal enum BackupMethod
{
    /// <summary>A tar of the system's data paths, read through the Docker archive API (the default).</summary>
    Files,

    /// <summary>A dump command's stdout is the backup; a load command's stdin restores it (pg_dump / pg_restore).</summary>
    Exec,
}

/// <summary>
/// The agency's own backup of a system: how it is taken, when <c>drills serve</c> takes it, how many are kept,
/// and where a copy sits that the system itself can reach.
/// </summary>
/// <param name="Dump">Exec only: the command whose stdout is the backup; empty for <see cref="BackupMethod.Files"/>.</param>
/// <param name="Load">Exec only: the command that reads a backup on stdin and restores it; empty for files.</param>
/// <param name="Schedule">A Quartz or 5-field cron in the catalogue's zone; null: taken only by <c>drills backup</c> and by drills.</param>
/// <param name="Keep">How many backups to keep (the newest intact one is never pruned); null keeps all.</param>
/// <param name="Share">
/// A folder inside the container, on a volume it mounts, where the agency keeps its online copies (a backup share
/// the server itself can write): drills keeps the online copy there instead of under the data directory, so an
/// attack on the system can reach it. Null: the online copy stays under the data directory, out of the system's reach.
/// </param>
internal sealed record BackupSpec(
    BackupMethod Method,
    IReadOnlyList<string> Dump,
    IReadOnlyList<string> Load,
    string? Schedule,
    int? Keep,
    string? Share,
    SourceLocation Location)
{
    /// <summary>Where the <c>schedule</c> value was written, for errors about a schedule that never fires.</summary>
    public SourceLocation ScheduleLocation { get; init; } = Location;

    /// <summary>Blackout calendars (by name) in which a scheduled backup does not run.</summary>
    public IReadOnlyList<string> Blackout { get; init; } = [];

    /// <summary>The largest <c>keep</c> accepted.</summary>
    public const int MaxKeep = 1000;
}
