using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Manual;

/// <summary>A confirmation that cannot be taken (unknown run, wrong step, not waiting).</summary>
internal sealed class ConfirmationRefusedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.BadInput, problem, fix, inner);
