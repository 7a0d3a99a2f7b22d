namespace Drills.Orchestrator.Docker;

/// <summary>
/// The settings by which a container reaches beyond itself into the host: what the catalogue never lets
/// drills create, read back from an existing container so it can be refused by the same rules.
/// </summary>
/// <param name="BindMounts">Host paths mounted in, as HOST_PATH:CONTAINER_PATH.</param>
/// <param name="NetworkMode">The engine's word: "host" shares the host's network stack.</param>
/// <param name="PidMode">"host" sees and can signal every process on the host.</param>
internal sealed record HostAccess(
    IReadOnlyList<string> BindMounts,
    bool Privileged,
    IReadOnlyList<string> AddedCapabilities,
    string NetworkMode,
    string PidMode)
{
    /// <summary>A container with none of these: what every container drills creates looks like.</summary>
    public static HostAccess Confined { get; } = new([], false, [], "bridge", "");
}
