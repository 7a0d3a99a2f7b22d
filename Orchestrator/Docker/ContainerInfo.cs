namespace Drills.Orchestrator.Docker;

/// <summary>The container states the drill cares about.</summary>
internal enum ContainerStatus
{
    Created,
    Running,
    Paused,
    Restarting,
    Exited,
    Dead,
    Removing,
}

/// <summary>What inspect told us about a container.</summary>
internal sealed record ContainerInfo(
    string Id,
    string Name,
    string Image,
    string? ImageDigest,
    ContainerStatus Status,
    string? Health,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string>? Ports = null,
    IReadOnlyList<string>? Volumes = null,
    HostAccess? Access = null,
    IReadOnlyList<NetworkAttachment>? Networks = null);
