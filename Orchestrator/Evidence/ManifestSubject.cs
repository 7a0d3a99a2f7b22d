namespace Drills.Orchestrator.Evidence;

/// <summary>One file the manifest vouches for: its name in the bundle and the lower-case hex SHA-256 of its bytes.</summary>
internal sealed record ManifestSubject(string Name, string Sha256);
