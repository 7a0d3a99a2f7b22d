using System.Globalization;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// One drill per system across every process on the machine: <c>drills run</c>, <c>drills serve</c> and a
/// crash recovery all take the system's lock file first.
/// </summary>
internal sealed class SystemLocks(string folder)
{
    /// <summary>The system's lease, or null when another process holds it.</summary>
    public LockFile? TryAcquire(string systemId, string runId) =>
        LockFile.TryAcquire(PathOf(systemId), string.Create(CultureInfo.InvariantCulture, $"run {runId}, process {Environment.ProcessId}"));

    /// <summary>Who holds the system, as its holder wrote it, for the refusal message.</summary>
    public string HolderOf(string systemId) => LockFile.HolderOf(PathOf(systemId), "another process");

    private string PathOf(string systemId) => Path.Combine(folder, systemId + ".lock");
}
