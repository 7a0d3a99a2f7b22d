using System.CommandLine;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Evidence;

namespace Drills.Orchestrator.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    public static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder for the run store, snapshots, reports and logs (default: ~/.local/share/drills, or $DRILLS_DATA_DIR)",
        Recursive = true,
    };

    public static Option<string?> OfflineDir { get; } = new("--offline-dir")
    {
        Description = "Folder for the offline copies of agency backups (default: <data-dir>/offline, or $DRILLS_OFFLINE_DIR)",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log every engine call to stderr",
        Recursive = true,
    };

    /// <summary>The application's parts for a command, built from the global options and the process's clock.</summary>
    public static AppServices Services(ParseResult parse, TimeProvider clock, bool service = false, SigningSettings? signing = null) =>
        new(new AppOptions(parse.GetValue(DataDir), parse.GetValue(Verbose), service, clock, signing, parse.GetValue(OfflineDir)));
}
