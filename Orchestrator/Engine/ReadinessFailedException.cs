using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Engine;

/// <summary>The readiness gate refused the drill before its clock started: nothing was started or touched.</summary>
internal sealed class ReadinessFailedException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
