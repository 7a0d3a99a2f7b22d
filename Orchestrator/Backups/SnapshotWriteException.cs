using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Backups;

/// <summary>A snapshot could not be written to the data directory (disk full, folder gone); the drill aborts before any attack.</summary>
internal sealed class SnapshotWriteException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner)
{
    /// <param name="what">What the file holds: "The snapshot of /srv/www".</param>
    public static SnapshotWriteException For(string what, string file, IOException error) => new(
        $"{what} could not be written to {file}: {error.Message.TrimEnd('.')}",
        "free disk space in the data directory (or pass --data-dir on a larger disk) and run the drill again",
        error);
}
