using Docker.DotNet.Models;

namespace Drills.Orchestrator.Docker;

/// <summary>Reads the engine's inspect answer into the drill's <see cref="ContainerInfo"/>.</summary>
internal static class ContainerInspection
{
    public static ContainerInfo ToInfo(ContainerInspectResponse response, string? imageDigest)
    {
        var state = response.State;
        var health = state?.Health?.Status;
        return new ContainerInfo(
            response.ID,
            response.Name.TrimStart('/'),
            response.Config?.Image ?? response.Image,
            imageDigest ?? NullIfEmpty(response.Image),
            ParseStatus(state?.Status),
            // "none" means the image declares no health check: the same as having none.
            string.IsNullOrEmpty(health) || health == "none" ? null : health,
            response.Config?.Labels is { } labels
                ? new Dictionary<string, string>(labels)
                : new Dictionary<string, string>(),
            PortsOf(response),
            VolumesOf(response),
            AccessOf(response),
            NetworksOf(response));
    }

    /// <summary>The networks the container is attached to, with the aliases and fixed addresses it asked for.</summary>
    private static NetworkAttachment[] NetworksOf(ContainerInspectResponse response) =>
        (response.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>())
        .Select(n => new NetworkAttachment(
            n.Key,
            [.. n.Value?.Aliases ?? []],
            NullIfEmpty(n.Value?.IPAMConfig?.IPv4Address),
            NullIfEmpty(n.Value?.IPAMConfig?.IPv6Address)))
        .OrderBy(n => n.Network, StringComparer.Ordinal)
        .ToArray();

    private static HostAccess AccessOf(ContainerInspectResponse response) => new(
        (response.Mounts ?? [])
            .Where(m => m.Type == "bind")
            .Select(m => $"{m.Source}:{m.Destination}")
            .Order(StringComparer.Ordinal)
            .ToArray(),
        response.HostConfig?.Privileged ?? false,
        [.. response.HostConfig?.CapAdd ?? []],
        response.HostConfig?.NetworkMode ?? "",
        response.HostConfig?.PidMode ?? "");

    /// <summary>Published ports in the catalogue's own form, HOST_IP:HOST_PORT:CONTAINER_PORT.</summary>
    private static string[] PortsOf(ContainerInspectResponse response) =>
        (response.HostConfig?.PortBindings ?? new Dictionary<string, IList<PortBinding>>())
        .SelectMany(p => (p.Value ?? []).Select(b => $"{b.HostIP}:{b.HostPort}:{ContainerPort(p.Key)}"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Named volumes in the catalogue's own form, NAME:/path.</summary>
    private static string[] VolumesOf(ContainerInspectResponse response) =>
        (response.Mounts ?? [])
        .Where(m => m.Type == "volume")
        .Select(m => $"{m.Name}:{m.Destination}")
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string ContainerPort(string key) => key.EndsWith("/tcp", StringComparison.Ordinal) ? key[..^4] : key;

    /// <summary>The engine's state words, as in <c>docker inspect -f '{{.State.Status}}'</c>.</summary>
    public static ContainerStatus ParseStatus(string? status) => status switch
    {
        "created" => ContainerStatus.Created,
        "running" => ContainerStatus.Running,
        "paused" => ContainerStatus.Paused,
        "restarting" => ContainerStatus.Restarting,
        "exited" => ContainerStatus.Exited,
        "removing" => ContainerStatus.Removing,
        // Anything the engine adds later is treated as the worst case.
        _ => ContainerStatus.Dead,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
