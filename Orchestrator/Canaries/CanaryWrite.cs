namespace Drills.Orchestrator.Canaries;

/// <summary>One canary write: the marker, when the system answered it (UTC, on the drill's clock), and whether it accepted it.</summary>
/// <param name="Failure">Why the write did not succeed (exit code and output, timeout, engine error); null when it did.</param>
internal readonly record struct CanaryWrite(string Marker, DateTimeOffset WrittenAtUtc, bool Succeeded, string? Failure = null);
