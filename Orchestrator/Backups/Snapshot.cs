namespace Drills.Orchestrator.Backups;

/// <summary>A tar of one data path taken at baseline, with the checksum it must still have when used.</summary>
internal sealed record Snapshot(string DataPath, string File, string Sha256, long Bytes);
