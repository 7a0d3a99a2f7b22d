using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Safety;

/// <summary>A system's image is not in the local engine; there is no registry to pull it from.</summary>
internal sealed class MissingImageException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
