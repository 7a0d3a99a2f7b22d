using System.Text.RegularExpressions;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// A container's <c>volumes</c>: named volumes only. Attack steps encrypt and delete what the target
/// holds, so a host folder mounted into it would lose the host's own files.
/// </summary>
internal static partial class VolumeReader
{
    private const string DockerSocket = "docker.sock";

    public static List<string>? Read(NodeReader reader, YamlNode node, string what, string? containerName)
    {
        var volumes = reader.TextList(node, $"'volumes' of {what}", "[\"drills-portal-data:/srv/www\"]", allowEmpty: true);
        if (volumes is null)
        {
            return null;
        }

        var valid = true;
        for (var i = 0; i < volumes.Count; i++)
        {
            valid &= Check(reader, ((YamlSequenceNode)node).Children[i], volumes[i], what, containerName);
        }

        return valid ? [.. volumes] : null;
    }

    private static bool Check(NodeReader reader, YamlNode node, string volume, string what, string? containerName)
    {
        var parts = volume.Split(':');
        var target = parts.Length >= 2 ? parts[1] : parts[0];
        var absolute = "/" + target.TrimStart('.', '~', '/');
        var example = $"{containerName ?? "drills"}-data:{(absolute == "/" ? "/data" : absolute)}";
        if (parts.Length >= 2 && IsHostPath(parts[0]))
        {
            ReportHostPath(reader, node, volume, parts[0], what, example);
            return false;
        }

        if (parts.Length is 2 or 3 && VolumeName().IsMatch(parts[0]) && parts[1].StartsWith('/') && (parts.Length == 2 || parts[2] is "ro" or "rw"))
        {
            if (ContainerPath.Normalize(parts[1]) != "/")
            {
                return true;
            }

            reader.Report(node, $"Volume '{Shown.Quote(volume)}' of {what} is mounted over '/', the container's whole file system.",
                $"mount it on the folder that holds the data, such as '{parts[0]}:/data'");
            return false;
        }

        reader.Report(node, $"Volume '{volume}' of {what} is not NAME:/path or NAME:/path:ro|rw.",
            $"write a volume name (letters, digits, '_', '.', '-') and an absolute path in the container, such as '{example}'");
        return false;
    }

    private static void ReportHostPath(NodeReader reader, YamlNode node, string volume, string source, string what, string example)
    {
        if (source.TrimEnd('/').Split('/')[^1] == DockerSocket)
        {
            reader.Report(node, $"Volume '{volume}' of {what} mounts the Docker socket: whatever runs in the target, attack steps included, would control Docker and through it this whole machine.",
                "remove this volume: a drill target never needs the Docker socket (drills talks to Docker itself)");
            return;
        }

        reader.Report(node, $"Volume '{volume}' of {what} mounts the host path '{source}': drills never mounts host folders into a target, because attack steps would encrypt or delete the host's own files.",
            $"use a named volume instead, such as '{example}'");
    }

    private static bool IsHostPath(string source) => source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~');

    // \z, not $: $ also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9_.-]+\z")]
    private static partial Regex VolumeName();
}
