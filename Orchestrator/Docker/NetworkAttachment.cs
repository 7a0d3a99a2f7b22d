namespace Drills.Orchestrator.Docker;

/// <summary>
/// How a container is attached to one network: its aliases and any fixed address. Kept when a drill cuts the
/// container off, so reconnecting puts it back as it was, under the same names.
/// </summary>
/// <param name="IPv4Address">The fixed address the container asked for (IPAM config); null: the engine assigns one.</param>
/// <param name="IPv6Address">As <paramref name="IPv4Address"/>, for IPv6.</param>
internal sealed record NetworkAttachment(string Network, IReadOnlyList<string> Aliases, string? IPv4Address = null, string? IPv6Address = null)
{
    /// <summary>An attachment with the engine's defaults: no alias of its own, an address from the network's pool.</summary>
    public static NetworkAttachment Plain(string network) => new(network, []);
}
