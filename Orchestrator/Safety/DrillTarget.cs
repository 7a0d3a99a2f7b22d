using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// The container a drill may touch, resolved and vetted by <see cref="TargetGuard"/>.
/// The id changes when a step removes and redeploys the container, so it is the one mutable field.
/// </summary>
internal sealed class DrillTarget
{
    public DrillTarget(SystemDefinition system, string containerId, bool createdByDrill)
    {
        System = system;
        ContainerId = containerId;
        CreatedByDrill = createdByDrill;
    }

    public SystemDefinition System { get; }

    public string ContainerId { get; set; }

    /// <summary>True when this run created the container because none existed.</summary>
    public bool CreatedByDrill { get; }

    public string Name => System.Container.Name;
}
