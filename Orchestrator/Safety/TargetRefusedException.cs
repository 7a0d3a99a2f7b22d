using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Safety;

/// <summary>A container was found that drills is not allowed to attack. Raised before any step runs.</summary>
internal sealed class TargetRefusedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
