using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Safety;

/// <summary>Another process is drilling the same system; nothing was touched.</summary>
internal sealed class SystemBusyException(string systemId, string holder)
    : DrillsException(ExitCodes.Environment,
        $"System {systemId} is being drilled by another process ({holder}); nothing was touched.",
        "wait for that drill to end (see drills runs), then run again.")
{
    public string SystemId { get; } = systemId;

    /// <summary>Who holds the system, as its holder wrote it (run and process).</summary>
    public string Holder { get; } = holder;
}
