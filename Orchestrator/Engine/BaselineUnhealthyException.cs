using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Engine;

/// <summary>The system failed its checks before drills acted on it (a backup of a sick system would keep nothing worth restoring).</summary>
internal sealed class BaselineUnhealthyException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
