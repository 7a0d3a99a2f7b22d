using System.Net;
using Drills.Scenarios.Checks;

namespace Drills.Orchestrator.Checks;

/// <summary>
/// Turns a check's host into the addresses a probe may connect to: refused before resolving when the
/// catalogue does not allow the host, and refused after when any address it resolves to is outside the
/// system's reach (localhost pointed at another machine, a listed name pointed at the metadata service).
/// </summary>
/// <param name="resolve">The name resolver; the system's DNS in production, a fixed table in tests.</param>
internal sealed class HostGate(Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public static HostGate SystemResolver { get; } = new(Dns.GetHostAddressesAsync);

    private const string Fix = "check the system through a port it publishes on 127.0.0.1, or list the host in its check_hosts (never a link-local one)";

    /// <exception cref="HostRefusedException">The host, or one of its addresses, is outside <paramref name="reach"/>.</exception>
    public async Task<IPAddress[]> AddressesAsync(string host, CheckReach reach, CancellationToken cancellationToken)
    {
        if (reach.RefusalOf(host) is { } refusal)
        {
            throw new HostRefusedException($"{host} {refusal}; not connected", Fix);
        }

        var addresses = CheckReach.Literal(host) is { } literal ? [literal] : await resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new HostRefusedException($"{host} resolves to no address", Fix);
        }

        // Every address, not only the first: a connection may fall through to any of them.
        foreach (var address in addresses)
        {
            if (reach.RefusalOf(host, address) is { } refused)
            {
                throw new HostRefusedException($"{host} {refused}; not connected", Fix);
            }
        }

        return addresses;
    }
}
