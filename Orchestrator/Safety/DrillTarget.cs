using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// The container a drill may touch, resolved and vetted by <see cref="TargetGuard"/>.
/// The id changes when a step removes and redeploys the container, so it is the one mutable field.
/// </summary>
internal sealed class DrillTarget
{
    private string _containerId;

    public DrillTarget(SystemDefinition system, string containerId, bool createdByDrill)
    {
        System = system;
        _containerId = containerId;
        CreatedByDrill = createdByDrill;
    }

    public SystemDefinition System { get; }

    /// <summary>Written by a redeploy on the steps' thread, read by the probing loop: hence volatile.</summary>
    public string ContainerId
    {
        get => Volatile.Read(ref _containerId);
        set => Volatile.Write(ref _containerId, value);
    }

    /// <summary>True when this run created the container because none existed.</summary>
    public bool CreatedByDrill { get; }

    public string Name => System.Container.Name;

    /// <summary>How resolving the target changed its networks (joined the system's network), for the journal; null when nothing changed.</summary>
    public string? NetworkNote { get; init; }
}
