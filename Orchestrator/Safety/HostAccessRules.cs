using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// The catalogue's rules for a target, applied to a container that already exists: no host folder, no
/// Docker socket, not privileged, no added capabilities, not in the host's network or process namespace.
/// An attack step run inside such a container would act on the host itself.
/// </summary>
internal static class HostAccessRules
{
    /// <summary>Each way the container reaches the host, in words; empty when it is confined.</summary>
    public static IReadOnlyList<string> Breaches(HostAccess access)
    {
        var breaches = new List<string>();
        foreach (var bind in access.BindMounts)
        {
            breaches.Add(bind.Contains("docker.sock", StringComparison.Ordinal)
                ? $"the Docker socket mounted ({bind}), which controls every container on the host"
                : $"a host folder mounted ({bind})");
        }

        if (access.Privileged)
        {
            breaches.Add("privileged mode");
        }

        if (access.AddedCapabilities.Count > 0)
        {
            breaches.Add($"added capabilities ({string.Join(", ", access.AddedCapabilities)})");
        }

        if (access.NetworkMode == "host")
        {
            breaches.Add("the host's network");
        }

        if (access.PidMode == "host")
        {
            breaches.Add("the host's process namespace");
        }

        return breaches;
    }
}
