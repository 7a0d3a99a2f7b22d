using Drills.Orchestrator.Evidence;

namespace Drills.Orchestrator.App;

/// <summary>What the application is built from, whichever front end (command line, service) starts it.</summary>
/// <param name="DataDir">The data directory given; null means $DRILLS_DATA_DIR, else the user's data folder.</param>
/// <param name="Verbose">Log every engine call to stderr.</param>
/// <param name="Service">A long-running service: its console shows what happens, not only errors.</param>
/// <param name="Clock">The one clock of the process, made at its entry point; every timing and timestamp reads it.</param>
/// <param name="Signing">Which certificate signs the evidence of runs that end in this process; null: the default signer.</param>
/// <param name="OfflineDir">Where the offline copies of agency backups are kept; null means $DRILLS_OFFLINE_DIR, else &lt;data-dir&gt;/offline.</param>
internal sealed record AppOptions(string? DataDir, bool Verbose, bool Service, TimeProvider Clock, SigningSettings? Signing = null, string? OfflineDir = null);
