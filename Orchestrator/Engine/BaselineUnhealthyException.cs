using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Engine;

/// <summary>The system failed its checks before the attack; attacking a sick system would measure nothing.</summary>
internal sealed class BaselineUnhealthyException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
