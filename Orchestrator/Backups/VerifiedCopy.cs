namespace Drills.Orchestrator.Backups;

/// <summary>
/// One copy of a backup whose every payload file matched its checksum, on the data directory's disk, ready to
/// restore. A copy fetched from a share lives in a temporary folder deleted when this is disposed.
/// </summary>
/// <param name="Copy"><c>online</c> or <c>offline</c>.</param>
/// <param name="Files">The payload as snapshots: restoring opens each through its checksum again, on the handle it reads.</param>
internal sealed record VerifiedCopy(AgencyBackup Backup, string Copy, IReadOnlyList<Snapshot> Files, string? Fetched) : IDisposable
{
    public void Dispose()
    {
        if (Fetched is not null)
        {
            BackupFolder.Remove(Fetched);
        }
    }
}
