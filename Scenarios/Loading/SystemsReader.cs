using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Checks;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>The systems read from a file: the valid ones, every id declared (valid or not) so
/// scenarios naming a broken system are not also told that it does not exist, and the outline of
/// every system whose checks and data paths could be read, even if something else in it is wrong,
/// so its scenarios are still checked and one pass reports every error.</summary>
internal sealed record SystemsSection(
    IReadOnlyDictionary<string, SystemDefinition> Systems,
    IReadOnlySet<string> DeclaredIds,
    IReadOnlyDictionary<string, SystemOutline> Outlines);

/// <summary>What a scenario's steps and verify items are checked against: its system's id, data paths,
/// where its checks may connect (null when check_hosts could not be read, so inline checks go unchecked),
/// and the quiesce timeout as written (null when not written), which must fit in the scenario's max_duration.</summary>
internal sealed record SystemOutline(string Id, DataSpec Data, CheckReach? Reach, WrittenDuration? QuiesceTimeout = null)
{
    /// <summary>The system's backup as read; null when it declares none or wrote it wrong.</summary>
    public BackupSpec? Backup { get; init; }

    /// <summary>Whether the system wrote a <c>backup</c> at all (right or wrong), so scenarios needing one are not told to add it.</summary>
    public bool DeclaresBackup { get; init; }

    /// <summary>Whether the system wrote a <c>network</c> (right or wrong).</summary>
    public bool DeclaresNetwork { get; init; }
}

/// <summary>The <c>systems</c> section: agency systems under drill, one container each.</summary>
internal static class SystemsReader
{
    private static readonly string[] Keys =
        [
            "title", "agency", "owner", "security_level", "rto_target", "rpo_target", "approval",
            "container", "checks", "check_hosts", "data", "quiesce", "network", "backup", "canary",
        ];

    // Docker's own networks: cutting a container from one of these would cut every other container on it too.
    private static readonly string[] EngineNetworks = ["bridge", "host", "none", "default"];

    private static readonly string[] DataKeys = ["paths"];

    public static SystemsSection Read(NodeReader reader, YamlNode? node, LevelTargets levels, CalendarsSection calendars)
    {
        var systems = new Dictionary<string, SystemDefinition>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var outlines = new Dictionary<string, SystemOutline>(StringComparer.Ordinal);
        var section = new SystemsSection(systems, declared, outlines);
        if (node is null)
        {
            return section;
        }

        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, $"systems must be a mapping from system id to system, not {NodeReader.Describe(node)}.",
                "write each system as 'citizen-portal:' indented under systems, with its title, security_level and container");
            return section;
        }

        var containerNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var hostPorts = new Dictionary<string, string>(StringComparer.Ordinal);
        var networks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (Ids.Read(reader, key, "System id") is not { } id)
            {
                continue;
            }

            declared.Add(id);
            var (system, outline) = ReadSystem(reader, key, value, id, levels, calendars);
            if (outline is not null)
            {
                outlines[id] = outline;
            }

            if (system is not null && IsContainerNameFree(reader, system, value, containerNames) & ArePortsFree(reader, system, value, hostPorts)
                & IsNetworkFree(reader, system, value, networks))
            {
                systems[id] = system;
            }
        }

        return section;
    }

    /// <summary>The system, null when anything in it is wrong (reported); and its outline, null only when
    /// its checks or data paths are wrong.</summary>
    private static (SystemDefinition? System, SystemOutline? Outline) ReadSystem(
        NodeReader reader, YamlNode key, YamlNode value, string id, LevelTargets levels, CalendarsSection calendars)
    {
        var what = $"system '{id}'";
        var before = reader.Errors.Count;
        if (reader.Mapping(value, what, Keys) is not { } fields)
        {
            return (null, null);
        }

        var title = fields.RequiredTitle("Public service portal");
        var agency = fields.OptionalText("agency") ?? "";
        var owner = fields.OptionalText("owner");
        var approval = fields.Optional("approval") is { } a ? ApprovalReader.Read(reader, a, what) : null;
        var level = fields.Required("security_level", "3") is { } l
            ? reader.Integer(l, $"'security_level' of {what}", LevelTargets.MinLevel, LevelTargets.MaxLevel)
            : null;
        var rto = fields.Optional("rto_target") is { } r ? DefaultsReader.RecoveryTarget(reader, r, $"'rto_target' of {what}") : null;
        var rpo = fields.OptionalDuration("rpo_target");
        var container = fields.Required("container", "{ image: drills/portal:1, name: drills-citizen-portal }") is { } c
            ? ContainerReader.Read(reader, c, what)
            : null;
        var reach = CheckHostsReader.Read(reader, fields);
        var checks = ReadChecks(reader, fields, what, reach);
        var data = fields.Optional("data") is { } d ? ReadData(reader, d, what) : DataSpec.Empty;
        var (quiesce, quiesceTimeout) = fields.Optional("quiesce") is { } q ? QuiesceReader.Read(reader, q, what) : (null, null);
        if (quiesce is not null && data is { Paths.Count: 0 })
        {
            reader.Report(fields.Optional("quiesce")!, $"'quiesce' of {what} runs around the baseline snapshot, but the system declares no data paths, so no snapshot is taken.",
                "add 'data: { paths: [/var/lib/postgresql/data] }' with the folders that hold the system's data, or remove 'quiesce'");
        }

        var network = fields.Optional("network") is { } n ? ReadNetwork(reader, n, $"'network' of {what}") : null;
        var backup = fields.Optional("backup") is { } b ? BackupReader.Read(reader, b, what, data, container?.Volumes, calendars) : null;
        var canary = fields.Optional("canary") is { } k ? CanaryReader.Read(reader, k, what) : null;
        var outline = checks is not null && data is not null
            ? new SystemOutline(id, data, reach, quiesceTimeout) { Backup = backup, DeclaresBackup = fields.Contains("backup"), DeclaresNetwork = fields.Contains("network") }
            : null;
        if (reader.Errors.Count > before)
        {
            return (null, outline);
        }

        return (new SystemDefinition(id, title!, agency, level!.Value, rto ?? levels.For(level.Value), rto is not null,
            rpo?.Value, container!, checks!, data!, reader.At(key)) 
        {
            CheckReach = reach!,
            Quiesce = quiesce,
            Owner = owner,
            Approval = approval,
            Level = levels.PolicyFor(level.Value),
            Network = network,
            Backup = backup,
            Canary = canary,
        }, outline);
    }

    private static string? ReadNetwork(NodeReader reader, YamlNode node, string what)
    {
        if (reader.Text(node, what) is not { } name)
        {
            return null;
        }

        if (!NetworkNames.IsValid(name))
        {
            reader.Report(node, $"{what} is '{Shown.Quote(name)}', not a Docker network name.", "write letters, digits, '_', '.' or '-', starting with a letter or digit, such as 'drills-portal-net'");
            return null;
        }

        if (EngineNetworks.Contains(name))
        {
            reader.Report(node, $"{what} is '{name}', one of Docker's own networks: cutting the system from it would cut every container on the host.",
                "name a network of the system's own, such as 'drills-portal-net'; drills creates it and labels it for the system");
            return null;
        }

        return name;
    }

    // A network is labelled for one system: a second system on it would be cut off by the first one's drill.
    private static bool IsNetworkFree(NodeReader reader, SystemDefinition system, YamlNode systemNode, Dictionary<string, string> owners)
    {
        if (system.Network is not { } network || owners.TryAdd(network, system.Id))
        {
            return true;
        }

        reader.Report(Child(systemNode, "network") ?? systemNode, $"Network '{network}' of system '{system.Id}' is already the network of system '{owners[network]}'.",
            $"give system '{system.Id}' its own network, such as 'drills-{system.Id}-net'");
        return false;
    }

    private static List<CheckDefinition>? ReadChecks(NodeReader reader, Fields fields, string what, CheckReach? reach)
    {
        if (fields.Required("checks", "[{ tcp: 127.0.0.1:18080 }]") is not { } node
            || reader.Sequence(node, $"'checks' of {what}", "'- tcp: 127.0.0.1:18080' items") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            reader.Report(node, $"'checks' of {what} is empty: without a check the drill cannot tell the system is up.",
                "add at least one check, such as '- tcp: 127.0.0.1:18080'");
            return null;
        }

        var checks = sequence.Children
            .Select((item, i) => CheckReader.Read(reader, item, $"check {i + 1} of {what}", reach))
            .ToList();
        return checks.Any(c => c is null) ? null : checks.Select(c => c!).ToList();
    }

    private static DataSpec? ReadData(NodeReader reader, YamlNode node, string what)
    {
        if (reader.Mapping(node, $"'data' of {what}", DataKeys) is not { } fields
            || fields.Required("paths", "[/srv/www]") is not { } paths)
        {
            return null;
        }

        var pathsWhat = $"'data.paths' of {what}";
        var list = reader.AbsolutePaths(paths, pathsWhat);
        var valid = list is not null;
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            valid &= IsNotRoot(reader, ((YamlSequenceNode)paths).Children[i], list[i], pathsWhat);
        }

        return valid ? new DataSpec(list!) : null;
    }

    // restore-backup empties the data paths before it restores them: '/' would wipe the whole container.
    private static bool IsNotRoot(NodeReader reader, YamlNode node, string path, string what)
    {
        if (!ContainerPath.IsRoot(path))
        {
            return true;
        }

        reader.Report(node, $"{what}: '{path}' is the container's whole file system; restore-backup empties the data paths before restoring them, so it would wipe the container.",
            "list only the folders that hold the system's data, such as '/srv/www' or '/var/lib/postgresql/data'");
        return false;
    }

    // Two systems sharing a container name would make one drill attack the other's container.
    private static bool IsContainerNameFree(NodeReader reader, SystemDefinition system, YamlNode systemNode, Dictionary<string, string> owners)
    {
        if (owners.TryAdd(system.Container.Name, system.Id))
        {
            return true;
        }

        var nameNode = Child(Child(systemNode, "container"), "name") ?? systemNode;
        reader.Report(nameNode, $"Container name '{system.Container.Name}' of system '{system.Id}' is already used by system '{owners[system.Container.Name]}'.",
            $"give system '{system.Id}' its own container name, such as 'drills-{system.Id}'");
        return false;
    }

    // Two systems on one host port cannot both run: the second container would fail to start, and a check of
    // one would probe the other.
    private static bool ArePortsFree(NodeReader reader, SystemDefinition system, YamlNode systemNode, Dictionary<string, string> owners)
    {
        var free = true;
        for (var i = 0; i < system.Container.Ports.Count; i++)
        {
            var hostPort = ContainerReader.HostPortOf(system.Container.Ports[i]);
            if (!owners.TryAdd(hostPort, system.Id))
            {
                var portNode = (Child(Child(systemNode, "container"), "ports") as YamlSequenceNode)?.Children[i] ?? systemNode;
                reader.Report(portNode, $"Host port {hostPort} of system '{system.Id}' is already published by system '{owners[hostPort]}'.",
                    $"publish system '{system.Id}' on a host port no other system uses");
                free = false;
            }
        }

        return free;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        (node as YamlMappingNode)?.Children.FirstOrDefault(e => (e.Key as YamlScalarNode)?.Value == key).Value;
}
