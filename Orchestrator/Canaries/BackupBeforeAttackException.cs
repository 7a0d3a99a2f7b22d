using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Canaries;

/// <summary>The backup a scenario asks for before its attack (<c>backup_before</c>) could not be taken: the drill does not attack.</summary>
internal sealed class BackupBeforeAttackException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
