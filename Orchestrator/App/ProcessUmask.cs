using System.Runtime.InteropServices;

namespace Drills.Orchestrator.App;

/// <summary>
/// Files that libraries create for drills (Serilog's log files, SQLite's journal files) take their mode from
/// the process's umask, not from drills. 077 makes them private to the user, like everything drills writes itself.
/// </summary>
internal static class ProcessUmask
{
    private const uint GroupAndOthers = 0x3F; // octal 077

    public static void KeepPrivate()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(GroupAndOthers);
        }
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint Umask(uint mask);
}
