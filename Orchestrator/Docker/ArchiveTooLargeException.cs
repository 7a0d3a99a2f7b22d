using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Docker;

/// <summary>A container's path held more than drills reads of it; the read stops there instead of filling memory or disk.</summary>
internal sealed class ArchiveTooLargeException(string container, string path, ArchiveLimit limit)
    : DrillsException(
        ExitCodes.Environment,
        $"The archive of {path} in container {container} is larger than the {ArchiveLimit.Size(limit.Bytes)} drills reads of one path.",
        limit.Fix)
{
    public string Container { get; } = container;

    public string Path { get; } = path;
}
