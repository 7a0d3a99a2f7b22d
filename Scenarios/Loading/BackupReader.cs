using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's <c>backup</c>: how the agency's backup is taken and restored, when, how many are kept, and where a reachable copy sits.</summary>
internal static class BackupReader
{
    private static readonly string[] Keys = ["method", "dump", "load", "schedule", "blackout", "keep", "share"];
    private static readonly string[] Methods = ["files", "exec"];
    private static readonly string[] ExecOnlyKeys = ["dump", "load"];

    private const string DumpExample = "[\"pg_dump\", \"-U\", \"postgres\", \"-Fc\", \"records\"]";
    private const string LoadExample = "[\"pg_restore\", \"-U\", \"postgres\", \"-d\", \"records\", \"--clean\", \"--if-exists\"]";

    /// <param name="data">The system's data paths (null when written wrong): a files backup copies them.</param>
    /// <param name="volumes">The container's volumes as written (null when written wrong): a share must be one of their mount points or under one.</param>
    public static BackupSpec? Read(NodeReader reader, YamlNode node, string systemWhat, DataSpec? data, IReadOnlyList<string>? volumes, CalendarsSection calendars)
    {
        var what = $"'backup' of {systemWhat}";
        var before = reader.Errors.Count;
        if (reader.Mapping(node, what, Keys) is not { } fields)
        {
            return null;
        }

        var method = ReadMethod(reader, fields);
        var dump = fields.Optional("dump") is { } d ? reader.Command(d, $"'dump' of {what}", DumpExample) : null;
        var load = fields.Optional("load") is { } l ? reader.Command(l, $"'load' of {what}", LoadExample) : null;
        CheckCommands(reader, fields, method, dump, load, data);
        var schedule = ScheduleFields.Schedule(reader, fields);
        var blackout = ScheduleFields.Blackout(reader, fields, calendars);
        var keep = fields.OptionalInteger("keep", 1, BackupSpec.MaxKeep);
        var share = fields.Optional("share") is { } s ? ReadShare(reader, s, $"'share' of {what}", data, volumes) : null;
        if (reader.Errors.Count > before || method is null)
        {
            return null;
        }

        return new BackupSpec(method.Value, dump ?? [], load ?? [], schedule, keep, share, reader.At(node))
        {
            ScheduleLocation = fields.Optional("schedule") is { } at ? reader.At(at) : reader.At(node),
            Blackout = blackout ?? [],
        };
    }

    private static BackupMethod? ReadMethod(NodeReader reader, Fields fields)
    {
        if (fields.Optional("method") is not { } node)
        {
            return BackupMethod.Files;
        }

        switch (reader.Text(node, $"'method' of {fields.What}"))
        {
            case "files": return BackupMethod.Files;
            case "exec": return BackupMethod.Exec;
            case null: return null;
            case var other:
                reader.Report(node, $"'method' of {fields.What} is '{Shown.Quote(other)}', not a backup method.", Suggestions.Fix(other, Methods));
                return null;
        }
    }

    private static void CheckCommands(NodeReader reader, Fields fields, BackupMethod? method, IReadOnlyList<string>? dump, IReadOnlyList<string>? load, DataSpec? data)
    {
        if (method is BackupMethod.Exec)
        {
            foreach (var (key, command, example) in new[] { ("dump", dump, DumpExample), ("load", load, LoadExample) })
            {
                if (command is null && !fields.Contains(key))
                {
                    reader.Report(fields.Node, $"{fields.What} uses method exec but has no '{key}' command.",
                        $"add '{key}: {example}' (run inside the container: {(key == "dump" ? "its stdout is the backup" : "it reads the backup on stdin")})");
                }
            }

            return;
        }

        if (method is BackupMethod.Files)
        {
            foreach (var key in ExecOnlyKeys.Where(fields.Contains))
            {
                reader.Report(fields.KeyNode(key), $"'{key}' of {fields.What} is for method exec; this backup uses method files (a tar of data.paths).",
                    $"add 'method: exec' to back up with the command, or remove '{key}'");
            }

            if (data is { Paths.Count: 0 })
            {
                reader.Report(fields.Node, $"{fields.What} uses method files, a tar of the system's data paths, but the system declares none.",
                    "add 'data: { paths: [/srv/www] }' with the folders that hold the system's data, or back up with 'method: exec' and a dump command");
            }
        }
    }

    // The share holds backups the attack may destroy: it must be a folder of a volume the container mounts (or the
    // copy would vanish with the container), and never overlap the data paths (a restore empties those first).
    private static string? ReadShare(NodeReader reader, YamlNode node, string what, DataSpec? data, IReadOnlyList<string>? volumes)
    {
        if (reader.Text(node, what) is not { } path || !reader.AbsolutePath(node, path, what))
        {
            return null;
        }

        if (ContainerPath.IsRoot(path))
        {
            reader.Report(node, $"{what} is '/', the container's whole file system.", "name the folder of the backup volume, such as '/backups'");
            return null;
        }

        if (data?.Paths.FirstOrDefault(p => ContainerPath.IsAtOrUnder(path, p) || ContainerPath.IsAtOrUnder(p, path)) is { } overlap)
        {
            reader.Report(node, $"{what} is '{path}', which overlaps data path '{overlap}': a restore empties the data paths, so it would destroy the backups it restores from.",
                "keep the backups on their own volume, such as 'volumes: [\"drills-portal-backups:/backups\"]' with 'share: /backups'");
            return null;
        }

        var mounts = (volumes ?? []).Select(v => v.Split(':')).Where(parts => parts.Length >= 2).Select(parts => parts[1]).ToList();
        if (volumes is not null && !mounts.Any(mount => ContainerPath.IsAtOrUnder(path, mount)))
        {
            reader.Report(node, $"{what} is '{path}', which is not on a volume the container mounts: the copies there would be lost with the container.",
                $"add a volume mounted at it to the container, such as 'volumes: [\"drills-backups:{ContainerPath.Normalize(path)}\"]'");
            return null;
        }

        return ContainerPath.Normalize(path);
    }
}
