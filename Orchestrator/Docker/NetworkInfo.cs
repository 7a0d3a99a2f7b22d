namespace Drills.Orchestrator.Docker;

/// <summary>What the engine told us about a network.</summary>
/// <param name="ContainerIds">The containers attached to it (full ids); empty from a list, which does not say.</param>
internal sealed record NetworkInfo(string Id, string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<string> ContainerIds);
