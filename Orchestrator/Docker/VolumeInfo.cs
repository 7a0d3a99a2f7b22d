namespace Drills.Orchestrator.Docker;

/// <summary>What inspect told us about a named volume: its driver options say whether it is really a host folder.</summary>
internal sealed record VolumeInfo(
    string Name,
    string Driver,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Options);
