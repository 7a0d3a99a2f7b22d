using System.Globalization;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// One drill per system across every process on the machine: <c>drills run</c>, <c>drills serve</c> and a
/// crash recovery all take the system's lock file first. The kernel drops the lock when its holder dies,
/// even by SIGKILL, so a crash never leaves a system locked.
/// </summary>
internal sealed class SystemLocks(string folder)
{
    /// <summary>The system's lease, or null when another process holds it.</summary>
    public SystemLease? TryAcquire(string systemId, string runId)
    {
        Directory.CreateDirectory(folder);
        FileStream file;
        try
        {
            file = new FileStream(Path.Combine(folder, systemId + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        try
        {
            // Beside the lock, not in it: a refused process cannot read the locked file.
            File.WriteAllText(HolderFile(systemId), string.Create(CultureInfo.InvariantCulture, $"run {runId}, process {Environment.ProcessId}"));
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new SystemLease(file);
    }

    /// <summary>Who holds the system, as its holder wrote it, for the refusal message.</summary>
    public string HolderOf(string systemId)
    {
        try
        {
            return File.ReadAllText(HolderFile(systemId)).Trim();
        }
        catch (IOException)
        {
            return "another process";
        }
    }

    private string HolderFile(string systemId) => Path.Combine(folder, systemId + ".holder");
}

/// <summary>A held system lock; disposing it lets the next drill of that system in.</summary>
internal sealed class SystemLease(FileStream file) : IDisposable
{
    public void Dispose() => file.Dispose();
}
