namespace Drills.Orchestrator.Backups;

/// <summary>A snapshot failed verification; restoring from it could make things worse, so it is refused.</summary>
internal sealed class BackupCorruptException : Exception
{
    public BackupCorruptException(string message) : base(message)
    {
    }
}
