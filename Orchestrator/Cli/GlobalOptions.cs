using System.CommandLine;

namespace Drills.Orchestrator.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder for the run store, snapshots, reports and logs (default: ~/.local/share/drills, or $DRILLS_DATA_DIR)",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log every engine call to stderr",
        Recursive = true,
    };
}
