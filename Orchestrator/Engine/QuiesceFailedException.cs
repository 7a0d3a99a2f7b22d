using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Engine;

/// <summary>A quiesce command of the system failed, timed out or could not run: the baseline could not be taken at rest.</summary>
internal sealed class QuiesceFailedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
