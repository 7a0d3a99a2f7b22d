using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// Decides which container a drill may touch. Only a container labelled
/// <c>drills.target=&lt;system id&gt;</c> (which every container drills creates carries) qualifies;
/// anything else holding the system's name is refused before a single step runs, and left alone.
/// The volumes it mounts pass <see cref="VolumeGuard"/> first.
/// </summary>
internal sealed class TargetGuard
{
    private readonly IContainerRuntime _runtime;
    private readonly VolumeGuard _volumes;
    private readonly NetworkGuard _networks;

    public TargetGuard(IContainerRuntime runtime)
    {
        _runtime = runtime;
        _volumes = new VolumeGuard(runtime);
        _networks = new NetworkGuard(runtime);
    }

    /// <summary>Finds the system's container without changing anything; null when it does not exist yet.</summary>
    public async Task<ContainerInfo?> InspectAsync(SystemDefinition system, CancellationToken cancellationToken) =>
        (await VetAsync(system, cancellationToken)).Container;

    /// <summary>
    /// Vets the system's container (when it exists) and every volume it declares or mounts, changing
    /// nothing; returns the container and the declared volumes that do not exist yet.
    /// </summary>
    public async Task<(ContainerInfo? Container, IReadOnlyList<string> MissingVolumes)> VetAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        var existing = await _runtime.FindByNameAsync(system.Container.Name, cancellationToken);
        if (existing is not null)
        {
            EnsureLabelled(system, existing);
            EnsureConfined(system, existing);
        }

        var names = VolumeGuard.DeclaredNames(system);
        if (existing is not null)
        {
            names = names.Concat(VolumeGuard.MountedNames(existing));
        }

        var missing = await _volumes.InspectAsync(system, names, cancellationToken);
        if (system.Network is { } network)
        {
            await _networks.InspectAsync(system.Id, network, cancellationToken);
        }

        return (existing, missing);
    }

    /// <summary>Returns the vetted target, creating and starting the container when none exists.</summary>
    /// <param name="recreates">The drill removes or redeploys the container, which only a container drills created may undergo.</param>
    public async Task<DrillTarget> ResolveAsync(SystemDefinition system, bool recreates, CancellationToken cancellationToken)
    {
        var existing = await InspectAsync(system, cancellationToken);
        if (existing is not null)
        {
            if (recreates && !TargetLabels.IsManaged(existing.Labels))
            {
                throw new TargetRefusedException(
                    $"Refusing to remove or redeploy container '{existing.Name}' for system '{system.Id}': drills did not create it (it carries no {TargetLabels.Managed}=true label), " +
                    "and a redeploy from the catalogue would replace it with something else.",
                    "drill it with steps that keep the container, or change container.name in the catalogue to a name no container has yet, so drills creates a copy it may remove");
            }

            if (ShareMount.Missing(system, existing) is { } share)
            {
                return await RecreateForShareAsync(system, existing, share, cancellationToken);
            }

            if (existing.Status is ContainerStatus.Paused)
            {
                await _runtime.UnpauseAsync(existing.Id, cancellationToken);
            }
            else if (existing.Status is not ContainerStatus.Running)
            {
                await _runtime.StartAsync(existing.Id, cancellationToken);
            }

            return new DrillTarget(system, existing.Id, createdByDrill: false) { NetworkNote = await JoinNetworkAsync(system, existing, cancellationToken) };
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

        await _volumes.EnsureAsync(system, cancellationToken);
        await _networks.EnsureAsync(system, cancellationToken);
        var id = await _runtime.CreateAsync(system.Container, TargetLabels.For(system.Id), cancellationToken);
        if (system.Network is not null)
        {
            await JoinNetworkAsync(system, await _runtime.InspectAsync(id, cancellationToken), cancellationToken);
        }

        await _runtime.StartAsync(id, cancellationToken);
        return id;
    }

    /// <summary>
    /// Puts the container on the system's network, and a container drills created on that network alone: attached to
    /// nothing else, its published ports go through that network only, so cutting it cuts the system off for real.
    /// A container drills did not create keeps its other networks. Returns what changed, in words; null when nothing did.
    /// </summary>
    private async Task<string?> JoinNetworkAsync(SystemDefinition system, ContainerInfo container, CancellationToken cancellationToken)
    {
        if (system.Network is not { } network)
        {
            return null;
        }

        await _networks.EnsureAsync(system, cancellationToken);
        var attached = container.Networks ?? [];
        var changes = new List<string>();
        if (attached.All(n => n.Network != network))
        {
            await _runtime.ConnectNetworkAsync(container.Id, NetworkAttachment.Plain(network), cancellationToken);
            changes.Add($"connected to network {network}");
        }

        var others = attached.Where(n => n.Network != network).Select(n => n.Network).ToList();
        if (others.Count > 0 && TargetLabels.IsManaged(container.Labels))
        {
            foreach (var other in others)
            {
                await _runtime.DisconnectNetworkAsync(container.Id, other, cancellationToken);
            }

            changes.Add($"taken off {string.Join(", ", others)} so it is on {network} alone");
        }
        else if (others.Count > 0)
        {
            changes.Add($"still on {string.Join(", ", others)} (drills did not create it, so it keeps them; cutting {network} may not cut it off)");
        }

        return changes.Count == 0 ? null : $"Container {container.Name} {string.Join("; ", changes)}";

    }

    /// <summary>
    /// A container made before its system declared a backup share does not mount the share's volume, so the share
    /// would be a folder inside the container that dies with it. One drills created is recreated from the catalogue
    /// (its named volumes, the data among them, stay); any other is refused.
    /// </summary>
    private async Task<DrillTarget> RecreateForShareAsync(SystemDefinition system, ContainerInfo existing, string share, CancellationToken cancellationToken)
    {
        if (!TargetLabels.IsManaged(existing.Labels))
        {
            throw new TargetRefusedException(
                $"Container '{existing.Name}' of system '{system.Id}' does not mount the volume its backup share {share} is declared on, so backups would be kept inside the container itself.",
                $"recreate the container with the volume declared in the catalogue (container.volumes), or remove it (docker rm -f {existing.Name}) so drills creates it");
        }

        await _runtime.RemoveAsync(existing.Id, cancellationToken);
        var id = await DeployAsync(system, cancellationToken);
        return new DrillTarget(system, id, createdByDrill: true);
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
            $"drills attacks only containers labelled drills.target={system.Id}, as every container it creates for the system is.",
            "change container.name in the catalogue to a name no container has yet, so drills creates its own copy of the system");
    }

    private static void EnsureConfined(SystemDefinition system, ContainerInfo container)
    {
        var breaches = container.Access is { } access ? HostAccessRules.Breaches(access) : ["settings the engine did not report"];
        if (breaches.Count == 0)
        {
            return;
        }

        throw new TargetRefusedException(
            $"Refusing to touch container '{container.Name}' for system '{system.Id}': it reaches the host through {string.Join("; ", breaches)}. " +
            "The catalogue refuses these for every target, and an attack step inside this container would act on the host.",
            "change container.name in the catalogue to a name no container has yet, so drills creates a confined copy of the system from the catalogue");
    }
}
