namespace Drills.Orchestrator.Docker;

/// <summary>What inspect told us about a Docker network: its labels say whether drills may touch it.</summary>
internal sealed record NetworkInfo(string Id, string Name, string Driver, IReadOnlyDictionary<string, string> Labels);
