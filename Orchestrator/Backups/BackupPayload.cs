namespace Drills.Orchestrator.Backups;

/// <summary>One file of a backup's payload, with the checksum every copy of it must still have when used.</summary>
/// <param name="File">Its name inside the backup's folder (and on the share).</param>
/// <param name="DataPath">The data path its tar holds (files method); null for an exec dump.</param>
internal sealed record BackupPayload(string File, string? DataPath, string Sha256, long Bytes);
