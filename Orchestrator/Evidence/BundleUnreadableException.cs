using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Evidence;

/// <summary>The file given to verify is not an evidence bundle drills can read: not a zip, damaged, or over the bounds.</summary>
internal sealed class BundleUnreadableException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.BadInput, problem, fix, inner);
