using System.Globalization;
using System.Text.RegularExpressions;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's <c>container</c>: what the orchestrator creates and re-creates for a drill.</summary>
internal static partial class ContainerReader
{
    private const string Loopback = "127.0.0.1";
    private static readonly string[] Keys = ["image", "name", "ports", "volumes", "env", "command"];

    public static ContainerSpec? Read(NodeReader reader, YamlNode node, string systemWhat)
    {
        var what = $"the container of {systemWhat}";
        var before = reader.Errors.Count;
        if (reader.Mapping(node, what, Keys) is not { } fields)
        {
            return null;
        }

        var image = fields.RequiredText("image", "drills/portal:1");
        var name = ReadName(reader, fields);
        var ports = fields.Optional("ports") is { } p ? ReadPorts(reader, p, what) : [];
        var volumes = fields.Optional("volumes") is { } v ? VolumeReader.Read(reader, v, what, name) : [];
        var env = fields.Optional("env") is { } e ? EnvReader.Read(reader, e, what) : ([], []);
        var command = fields.Optional("command") is { } c ? reader.TextList(c, $"'command' of {what}", "[\"nginx\", \"-g\", \"daemon off;\"]") : [];
        if (reader.Errors.Count > before)
        {
            return null;
        }

        return new ContainerSpec(image!, name!, ports!, volumes!, env!.Value.Values, command!) { SecretEnv = env.Value.Secret };
    }

    private static string? ReadName(NodeReader reader, Fields fields)
    {
        var name = fields.RequiredText("name", "drills-citizen-portal");
        if (name is null || DockerName().IsMatch(name))
        {
            return name;
        }

        reader.Report(fields.Optional("name")!, $"Container name '{name}' is not a valid Docker container name.",
            "use letters, digits, '_', '.' and '-', at least two characters, starting with a letter or digit, such as 'drills-citizen-portal'");
        return null;
    }

    private static List<string>? ReadPorts(NodeReader reader, YamlNode node, string what)
    {
        var ports = reader.TextList(node, $"'ports' of {what}", "[\"127.0.0.1:18080:8080\"]", allowEmpty: true);
        if (ports is null)
        {
            return null;
        }

        var valid = true;
        for (var i = 0; i < ports.Count; i++)
        {
            valid &= CheckPort(reader, ((YamlSequenceNode)node).Children[i], ports[i]);
        }

        return valid && ArePublishedOnce(reader, (YamlSequenceNode)node, ports, what) ? [.. ports] : null;
    }

    /// <summary>The host side of a valid port mapping, as Docker binds it: "18080/tcp". tcp and udp on one number are two ports.</summary>
    public static string HostPortOf(string port)
    {
        var parts = port.Split(':');
        var protocol = parts[2].Split('/') is [_, var written] ? written : "tcp";
        return $"{int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}/{protocol}";
    }

    // Docker refuses to start a container that binds one host port twice; the drill would fail at its first redeploy.
    private static bool ArePublishedOnce(NodeReader reader, YamlSequenceNode node, IReadOnlyList<string> ports, string what)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < ports.Count; i++)
        {
            var hostPort = HostPortOf(ports[i]);
            if (!first.TryAdd(hostPort, i))
            {
                reader.Report(node.Children[i], $"Host port {hostPort} is published twice in 'ports' of {what} (items {first[hostPort] + 1} and {i + 1}).",
                    $"remove the repeated '{Shown.Quote(ports[i])}', or publish it on another host port");
                valid = false;
            }
        }

        return valid;
    }

    // Drill targets are attacked on purpose, so they must never be reachable from the network.
    private static bool CheckPort(NodeReader reader, YamlNode node, string port)
    {
        var parts = port.Split(':');
        if (parts.Length == 3 && parts[0] == Loopback)
        {
            var container = parts[2].Split('/');
            if (container.Length == 2 && container[1] is not ("tcp" or "udp") && IsPort(parts[1]) && IsPort(container[0]))
            {
                reader.Report(node, $"Port '{Shown.Quote(port)}' has the protocol '{Shown.Quote(container[1])}'; Docker publishes tcp or udp only.",
                    $"write '{Loopback}:{parts[1]}:{container[0]}/udp' for udp, or '{Loopback}:{parts[1]}:{container[0]}' for tcp");
                return false;
            }

            if (IsPort(parts[1]) && container.Length <= 2 && IsPort(container[0]))
            {
                return true;
            }

            reader.Report(node, $"Port '{Shown.Quote(port)}' is not of the form {Loopback}:HOST:CONTAINER or {Loopback}:HOST:CONTAINER/udp.",
                $"write '{Loopback}:HOST:CONTAINER' with ports from 1 to 65535, such as '{Loopback}:18080:8080'");
            return false;
        }

        var hostPort = parts.Length >= 2 ? parts[^2] : parts[0];
        reader.Report(node, $"Port '{Shown.Quote(port)}' is not bound to {Loopback}: it would expose an attacked system to the network.",
            $"publish on {Loopback} only: write '{Loopback}:{hostPort}:{parts[^1]}'");
        return false;
    }

    private static bool IsPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;

    // \z, not $: $ also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z")]
    private static partial Regex DockerName();
}
