using System.Text.RegularExpressions;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// Decides which named volumes a drill may mount into its target. Attack steps encrypt and wipe what a
/// volume holds, so drills uses only volumes it created itself for the system: an existing volume without
/// <c>drills.target=&lt;system id&gt;</c>, a local volume that is a host folder under a volume name
/// (<c>o=bind</c>, or <c>type=none</c> with a <c>device</c>), or one mounted by a container of anything
/// else is refused before a single step runs, and left alone.
/// </summary>
internal sealed partial class VolumeGuard(IContainerRuntime runtime)
{
    /// <summary>Vets every volume without changing anything; returns the names that do not exist yet.</summary>
    public async Task<IReadOnlyList<string>> InspectAsync(SystemDefinition system, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var volume = await runtime.InspectVolumeAsync(name, cancellationToken);
            if (volume is null)
            {
                missing.Add(name);
                continue;
            }

            EnsureOwned(system, volume);
            EnsureNotHostFolder(system, volume);
            foreach (var user in await runtime.ContainersUsingVolumeAsync(name, cancellationToken))
            {
                EnsureUserLabelled(system, volume, user);
            }
        }

        return missing;
    }

    /// <summary>Vets the system's declared volumes and creates the missing ones, labelled as drills' own.</summary>
    public async Task EnsureAsync(SystemDefinition system, CancellationToken cancellationToken)
    {
        foreach (var name in await InspectAsync(system, DeclaredNames(system), cancellationToken))
        {
            await runtime.CreateVolumeAsync(name, TargetLabels.For(system.Id), cancellationToken);
        }
    }

    /// <summary>The volume names of the catalogue's <c>NAME:/path[:ro]</c> entries.</summary>
    public static IEnumerable<string> DeclaredNames(SystemDefinition system) =>
        system.Container.Volumes.Select(v => v.Split(':')[0]);

    /// <summary>
    /// The named volumes an existing container mounts (<c>NAME:/path</c>), without the anonymous ones the
    /// engine made for that container alone from its image's VOLUME lines.
    /// </summary>
    public static IEnumerable<string> MountedNames(ContainerInfo container) =>
        (container.Volumes ?? []).Select(v => v.Split(':')[0]).Where(n => !AnonymousName().IsMatch(n));

    private static void EnsureOwned(SystemDefinition system, VolumeInfo volume)
    {
        volume.Labels.TryGetValue(TargetLabels.Target, out var label);
        if (string.Equals(label, system.Id, StringComparison.Ordinal))
        {
            return;
        }

        var found = label is null ? "exists without the drills.target label: drills did not create it" : $"is labelled drills.target={label}";
        throw new TargetRefusedException(
            $"Refusing volume '{volume.Name}' for system '{system.Id}': it {found}, and attack steps would encrypt or wipe what it holds. " +
            "drills mounts only volumes it created for the system itself.",
            "name a volume in the catalogue that does not exist yet, so drills creates its own (docker volume ls shows the names taken)");
    }

    private static void EnsureNotHostFolder(SystemDefinition system, VolumeInfo volume)
    {
        volume.Options.TryGetValue("o", out var o);
        volume.Options.TryGetValue("type", out var type);
        volume.Options.TryGetValue("device", out var device);
        var bind = (o ?? "").Split(',', StringSplitOptions.TrimEntries).Any(option => option is "bind" or "rbind");
        var hostPath = string.Equals(type, "none", StringComparison.Ordinal) && !string.IsNullOrEmpty(device);
        if (!bind && !hostPath)
        {
            return;
        }

        throw new TargetRefusedException(
            $"Refusing volume '{volume.Name}' for system '{system.Id}': it is a host folder under a volume name " +
            $"(driver {volume.Driver}, {string.Join(", ", volume.Options.Select(p => $"{p.Key}={p.Value}"))}), and attack steps would destroy the host's own files.",
            "name a volume in the catalogue that does not exist yet, so drills creates its own with no driver options");
    }

    private static void EnsureUserLabelled(SystemDefinition system, VolumeInfo volume, ContainerInfo user)
    {
        user.Labels.TryGetValue(TargetLabels.Target, out var label);
        if (string.Equals(label, system.Id, StringComparison.Ordinal))
        {
            return;
        }

        throw new TargetRefusedException(
            $"Refusing volume '{volume.Name}' for system '{system.Id}': container '{user.Name}' mounts it and is not a drill copy of this system, " +
            "so attack steps would destroy that container's data.",
            "give the system a volume of its own in the catalogue: a name no volume has yet, so drills creates it");
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex AnonymousName();
}
