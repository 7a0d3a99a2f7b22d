using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Safety;

/// <summary>Another drills process, whatever its data directory, is drilling the same container; nothing was touched.</summary>
internal sealed class ContainerBusyException(string containerName, string holder, string lockPath)
    : DrillsException(ExitCodes.Environment,
        $"Container {containerName} is being drilled by another drills process ({holder}, lock {lockPath}); nothing was touched.",
        "wait for that drill to end, then run again; one container takes one drill at a time on this machine")
{
    public string ContainerName { get; } = containerName;

    /// <summary>Who holds the container, as its holder wrote it (run, system and process).</summary>
    public string Holder { get; } = holder;
}
