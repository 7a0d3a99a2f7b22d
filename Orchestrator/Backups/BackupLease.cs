using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// Marks a backup in use: an exclusive lock on a small file per backup, held by the drill that uses it and dropped by
/// the kernel when that process ends, even by SIGKILL. Retention prunes a backup only after taking its lock itself,
/// so a backup a drill in any process is using is never deleted under it.
/// </summary>
internal sealed class BackupLease : IDisposable
{
    private readonly FileStream _file;

    private BackupLease(FileStream file) => _file = file;

    /// <summary>The lease, or null when another holder (in this process or another) has it.</summary>
    public static BackupLease? TryTake(string path)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(path)!);
        try
        {
            return new BackupLease(PrivateFiles.OpenOrCreateExclusive(path));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
