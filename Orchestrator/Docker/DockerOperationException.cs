using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Docker;

/// <summary>An engine call failed for a reason other than the engine being unreachable (no such container, bad state…).</summary>
internal sealed class DockerOperationException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
