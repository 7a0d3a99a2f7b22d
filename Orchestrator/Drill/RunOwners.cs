using System.Diagnostics;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Drill;

/// <summary>Who owns a running drill, and whether that owner is still alive: a crashed owner's run needs recovery.</summary>
internal static class RunOwners
{
    public static RunOwner Current { get; } = Describe(Process.GetCurrentProcess());

    /// <summary>
    /// True when the owner's process still runs. A run recorded on another host is treated as alive:
    /// this host cannot tell, and rolling back a drill someone else is running would be worse than waiting.
    /// </summary>
    public static bool IsAlive(RunOwner? owner)
    {
        if (owner is null)
        {
            return false;
        }

        if (!string.Equals(owner.Host, Current.Host, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            // Process ids are reused: only the same start time is the same process.
            return (Describe(process).ProcessStartedUtc - owner.ProcessStartedUtc).Duration() < TimeSpan.FromSeconds(2);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static RunOwner Describe(Process process) =>
        new(Environment.MachineName, process.Id, process.StartTime.ToUniversalTime());
}
