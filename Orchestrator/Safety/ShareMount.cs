using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Paths;

namespace Drills.Orchestrator.Safety;

/// <summary>Whether a container mounts the volume its system's backup share lies on.</summary>
internal static class ShareMount
{
    /// <summary>The share when the system declares one and no volume the container mounts holds it; null otherwise (or when the engine did not say).</summary>
    public static string? Missing(SystemDefinition system, ContainerInfo container)
    {
        if (system.Backup?.Share is not { } share || container.Volumes is not { } volumes)
        {
            return null;
        }

        // Each mount reads NAME:/path (the engine's own view, mode left out).
        return volumes.Any(v => v.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && ContainerPath.IsAtOrUnder(share, v[(colon + 1)..])) ? null : share;
    }
}
