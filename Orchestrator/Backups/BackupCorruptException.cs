using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Backups;

/// <summary>A snapshot failed verification; restoring from it could make things worse, so it is refused. The drill aborts.</summary>
internal sealed class BackupCorruptException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Aborted, problem, fix, inner);
