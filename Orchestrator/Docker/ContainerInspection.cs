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
                : new Dictionary<string, string>());
    }

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
