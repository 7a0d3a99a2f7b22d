using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Drills.Scenarios.Checks;

/// <summary>
/// Where a system's http and tcp checks may connect: this machine's loopback (127.0.0.0/8, ::1, localhost)
/// always, other hosts only when the system lists them in <c>check_hosts</c>, and link-local addresses
/// (169.254.0.0/16, fe80::/10) never. The loader and the network probe decide with this one type, so a
/// check that validates is one the probe lets through, and a redirect or a name's resolution cannot
/// reach further than the catalogue says.
/// </summary>
/// <param name="Hosts">The system's <c>check_hosts</c> as written: exact host names and IP literals.</param>
internal sealed record CheckReach(IReadOnlyList<string> Hosts)
{
    private const string LoopbackName = "localhost";

    public static CheckReach LoopbackOnly { get; } = new(Array.Empty<string>());

    /// <summary>Why a check may never reach a link-local address, for every message that refuses one.</summary>
    public const string LinkLocalReason =
        "is link-local (169.254.0.0/16, fe80::/10): the cloud metadata service and self-assigned addresses live there, never a system under drill, and a check there could read the machine's cloud credentials";

    /// <summary>Why a check may not connect to the host as written (a name, or an IP literal with or without
    /// brackets), as a clause after the host; null when it may.</summary>
    public string? RefusalOf(string host)
    {
        if (Literal(host) is { } address)
        {
            return RefusalOf(host, address);
        }

        return IsLoopbackName(host) || Hosts.Any(listed => SameName(listed, host))
            ? null
            : "is not this machine's loopback (127.0.0.1, ::1, localhost) and not listed in the system's check_hosts";
    }

    /// <summary>Why a check of <paramref name="host"/> may not connect to <paramref name="address"/>, one of the
    /// addresses the host resolved to; null when it may. localhost must resolve to loopback only, a listed name
    /// to anything but link-local.</summary>
    public string? RefusalOf(string host, IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IsLinkLocal(plain))
        {
            return Shown(host, plain) + LinkLocalReason;
        }

        if (IPAddress.IsLoopback(plain)
            || Hosts.Any(listed => Literal(listed) is { } literal && literal.Equals(plain))
            || (Literal(host) is null && !IsLoopbackName(host) && Hosts.Any(listed => SameName(listed, host)) && !IsUnspecified(plain)))
        {
            return null;
        }

        return Shown(host, plain) + "is not this machine's loopback (127.0.0.0/8, ::1) and not listed in the system's check_hosts";
    }

    /// <summary>The host a URL connects to, in the ASCII form DNS uses; null when it is no valid internationalised name.</summary>
    public static string? HostOf(Uri uri)
    {
        try
        {
            return uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }

    /// <summary>The IP address a host is written as (an IPv6 one with or without brackets), or null for a name.</summary>
    public static IPAddress? Literal(string host)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var address) && (bare.Contains(':', StringComparison.Ordinal) || IsDottedQuad(bare)) ? address : null;
    }

    public static bool IsLinkLocal(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return plain.AddressFamily == AddressFamily.InterNetwork
            ? plain.GetAddressBytes() is [169, 254, _, _]
            : plain.IsIPv6LinkLocal;
    }

    /// <summary>0.0.0.0 and :: mean "every address of this machine", never one host.</summary>
    public static bool IsUnspecified(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static bool IsLoopbackName(string host) => SameName(host, LoopbackName);

    // DNS names compare without case and without the root's trailing dot; an internationalised name as its ASCII form.
    private static bool SameName(string a, string b) =>
        string.Equals(Ascii(a.TrimEnd('.')), Ascii(b.TrimEnd('.')), StringComparison.OrdinalIgnoreCase);

    private static string Ascii(string name)
    {
        try
        {
            return new IdnMapping().GetAscii(name);
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    // IPAddress also reads "10.1" or "167772161" as addresses; a name made of digits is read the same way by the
    // resolver, so only the familiar dotted form is taken as written, and the rest are resolved like names.
    private static bool IsDottedQuad(string text) => text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));

    private static string Shown(string host, IPAddress address) =>
        Literal(host) is null ? $"resolves to {address}, which " : "";
}
