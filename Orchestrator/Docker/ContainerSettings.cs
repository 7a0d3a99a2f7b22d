using Docker.DotNet.Models;
using ContainerSpec = Drills.Scenarios.Catalogue.ContainerSpec;

namespace Drills.Orchestrator.Docker;

/// <summary>Turns a catalogue's <see cref="ContainerSpec"/> into the engine's create parameters.</summary>
internal static class ContainerSettings
{
    public static CreateContainerParameters ToCreateParameters(ContainerSpec spec, IReadOnlyDictionary<string, string> labels)
    {
        var ports = spec.Ports.Select(p => ParsePort(p, spec.Name)).ToList();
        foreach (var volume in spec.Volumes)
        {
            ValidateVolume(volume, spec.Name);
        }

        var parameters = new CreateContainerParameters
        {
            Name = spec.Name,
            Image = spec.Image,
            Env = spec.Env.Select(e => $"{e.Key}={e.Value}").ToList(),
            Labels = labels.ToDictionary(l => l.Key, l => l.Value),
            ExposedPorts = ports.ToDictionary(p => p.ContainerPortKey, _ => default(EmptyStruct)),
            HostConfig = new HostConfig
            {
                Binds = spec.Volumes.ToList(),
                PortBindings = ports
                    .GroupBy(p => p.ContainerPortKey)
                    .ToDictionary(
                        g => g.Key,
                        g => (IList<PortBinding>)g.Select(p => new PortBinding { HostIP = p.HostIp, HostPort = p.HostPort }).ToList()),
                // The drill decides when a container comes back; the engine must not restart it behind our back.
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.No },
            },
        };

        // No command keeps the image's own CMD; an empty list would replace it with nothing.
        if (spec.Command.Count > 0)
        {
            parameters.Cmd = spec.Command.ToList();
        }

        return parameters;
    }

    /// <summary>
    /// Parses <c>HOST_IP:HOST_PORT:CONTAINER_PORT[/tcp|/udp]</c>. <c>HOST_PORT:CONTAINER_PORT</c> binds
    /// 127.0.0.1: sample systems are never published beyond this machine unless the catalogue says so.
    /// </summary>
    public static PublishedPort ParsePort(string text, string containerName)
    {
        var protocol = "tcp";
        var body = text;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..].ToLowerInvariant();
            body = text[..slash];
        }

        var parts = body.Split(':');
        var (hostIp, hostPort, containerPort) = parts.Length switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 => ("127.0.0.1", parts[0], parts[1]),
            _ => (string.Empty, string.Empty, string.Empty),
        };

        if (hostIp.Length == 0 || !IsPort(hostPort) || !IsPort(containerPort) || protocol is not ("tcp" or "udp"))
        {
            throw new DockerOperationException(
                $"Port \"{text}\" of container {containerName} is not HOST_IP:HOST_PORT:CONTAINER_PORT.", "write the port as 127.0.0.1:HOST_PORT:CONTAINER_PORT, such as 127.0.0.1:18080:8080");
        }

        return new PublishedPort(hostIp, hostPort, $"{containerPort}/{protocol}");
    }

    /// <summary>
    /// Accepts only named volumes, <c>NAME:/path</c>, optionally <c>:ro</c> or <c>:rw</c>. Host folders are
    /// refused here as well as in the catalogue: an attack step inside the target would destroy host files.
    /// </summary>
    public static void ValidateVolume(string text, string containerName)
    {
        var parts = text.Split(':');
        var valid = parts.Length is 2 or 3
            && parts[0].Length > 0
            && parts[0][0] is not ('/' or '.' or '~')
            && parts[1].StartsWith('/')
            && (parts.Length == 2 || parts[2] is "ro" or "rw");
        if (!valid)
        {
            throw new DockerOperationException(
                $"Volume \"{text}\" of container {containerName} is not a named volume NAME:/path (for example drills-portal-data:/srv/www); drills never mounts host folders into a target.", "declare a named volume NAME:/path in the catalogue");
        }
    }

    private static bool IsPort(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
        && port is > 0 and <= 65535;
}

/// <summary>One published port: <see cref="ContainerPortKey"/> is the engine's "8080/tcp" form.</summary>
internal readonly record struct PublishedPort(string HostIp, string HostPort, string ContainerPortKey);
