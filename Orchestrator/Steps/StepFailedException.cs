using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Steps;

/// <summary>A step ran but did not achieve what it declares (for example an exec exited non-zero); the drill aborts and rolls back.</summary>
internal sealed class StepFailedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Aborted, problem, fix, inner);
