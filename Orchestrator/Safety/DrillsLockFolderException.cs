using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Safety;

/// <summary>Neither folder for the machine's container locks can be written: no drill may start without one.</summary>
internal sealed class DrillsLockFolderException(string preferred, string fallback)
    : DrillsException(ExitCodes.Environment,
        $"Cannot write the machine's drill locks in {preferred} nor in {fallback}, so drills cannot make sure no other process drills the same container.",
        $"give the user running drills write access to {preferred} (or to {fallback})");
