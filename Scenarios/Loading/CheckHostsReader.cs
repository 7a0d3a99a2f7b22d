using Drills.Scenarios.Checks;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's <c>check_hosts</c>: the hosts beyond loopback its http and tcp checks may reach, each
/// an exact host name or IP literal.</summary>
internal static class CheckHostsReader
{
    private const string Example = "[intranet.example.gov.vn, 10.0.0.12]";

    /// <summary>The system's reach; loopback only when it lists none, null when the list is wrong (reported).</summary>
    public static CheckReach? Read(NodeReader reader, Fields system)
    {
        if (system.Optional("check_hosts") is not { } node)
        {
            return CheckReach.LoopbackOnly;
        }

        var what = $"'check_hosts' of {system.What}";
        if (reader.TextList(node, what, Example, allowEmpty: true) is not { } hosts)
        {
            return null;
        }

        var valid = true;
        for (var i = 0; i < hosts.Count; i++)
        {
            valid &= IsHost(reader, ((YamlSequenceNode)node).Children[i], hosts[i], what);
        }

        return valid ? new CheckReach([.. hosts]) : null;
    }

    private static bool IsHost(NodeReader reader, YamlNode node, string host, string what)
    {
        var address = CheckReach.Literal(host);
        var problem = address switch
        {
            null when Uri.CheckHostName(host) != UriHostNameType.Dns => "is not a host name or an IP address",
            { } a when CheckReach.IsLinkLocal(a) => CheckReach.LinkLocalReason,
            { } a when CheckReach.IsUnspecified(a) => "means every address of a machine, not one host",
            _ => null,
        };
        if (problem is null)
        {
            return true;
        }

        reader.Report(node, $"'{Shown.Quote(host)}' in {what} {problem}.",
            $"list exact host names or IP addresses a check may reach beyond loopback, without scheme, port or path, such as {Example}");
        return false;
    }
}
