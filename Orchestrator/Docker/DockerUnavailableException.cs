using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Docker;

/// <summary>The Docker Engine did not answer.</summary>
internal sealed class DockerUnavailableException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
