using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// Decides which container a drill may touch. Only a container labelled
/// <c>drills.target=&lt;system id&gt;</c> (which every container drills creates carries) qualifies;
/// anything else holding the system's name is refused before a single step runs, and left alone.
/// </summary>
internal sealed class TargetGuard
{
    private readonly IContainerRuntime _runtime;

    public TargetGuard(IContainerRuntime runtime) => _runtime = runtime;

    /// <summary>Finds the system's container without changing anything; null when it does not exist yet.</summary>
    public async Task<ContainerInfo?> InspectAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        var existing = await _runtime.FindByNameAsync(system.Container.Name, cancellationToken);
        if (existing is not null)
        {
            EnsureLabelled(system, existing);
        }

        return existing;
    }

    /// <summary>Returns the vetted target, creating and starting the container when none exists.</summary>
    public async Task<DrillTarget> ResolveAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        var existing = await InspectAsync(system, cancellationToken);
        if (existing is not null)
        {
            if (existing.Status is ContainerStatus.Paused)
            {
                await _runtime.UnpauseAsync(existing.Id, cancellationToken);
            }
            else if (existing.Status is not ContainerStatus.Running)
            {
                await _runtime.StartAsync(existing.Id, cancellationToken);
            }

            return new DrillTarget(system, existing.Id, createdByDrill: false);
        }

        var id = await DeployAsync(system, cancellationToken);
        return new DrillTarget(system, id, createdByDrill: true);
    }

    /// <summary>Creates and starts the system's container from its declared settings, labelled as drills' own.</summary>
    public async Task<string> DeployAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        var image = system.Container.Image;
        if (!await _runtime.ImageExistsAsync(image, cancellationToken))
        {
            throw new MissingImageException(
                $"Image '{image}' for system '{system.Id}' is not in the local Docker Engine and there is no registry to pull it from. ", "run ./drills setup to build the sample images, or build the image yourself with docker build.");
        }

        var id = await _runtime.CreateAsync(system.Container, TargetLabels.For(system.Id), cancellationToken);
        await _runtime.StartAsync(id, cancellationToken);
        return id;
    }

    private static void EnsureLabelled(SystemDefinition system, ContainerInfo container)
    {
        container.Labels.TryGetValue(TargetLabels.Target, out var label);
        if (string.Equals(label, system.Id, StringComparison.Ordinal))
        {
            return;
        }

        var found = label is null ? "carries no drills.target label" : $"is labelled drills.target={label}";
        throw new TargetRefusedException(
            $"Refusing to touch container '{container.Name}' for system '{system.Id}': it {found}. " +
            "drills attacks only containers it created or that carry the label " +
            $"drills.target={system.Id}.", $"label the container (recreate it with --label drills.target={system.Id}) " +
            "if it is a drill copy, or change container.name in the catalogue so drills creates its own.");
    }
}
