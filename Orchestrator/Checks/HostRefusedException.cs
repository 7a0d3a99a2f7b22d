using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Checks;

/// <summary>A probe would have connected outside its system's reach. Never ends a command: the check fails,
/// with the problem as its observation.</summary>
internal sealed class HostRefusedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
