using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// When a scheduled fire was due, when the scheduler fired it and when its job began, all on the service's one clock:
/// how late the scheduler is under load is then read from the log, not guessed.
/// </summary>
internal readonly record struct FireTiming(string ScenarioId, DateTimeOffset DueUtc, DateTimeOffset FiredUtc, DateTimeOffset StartedUtc)
{
    /// <summary>The scheduler's own delay: fired − due (a catch-up fire is due when it is queued, not at the fire it stands for).</summary>
    public TimeSpan Lateness => FiredUtc - DueUtc;

    /// <summary>Debug: one line a fire, in the file log (the console shows it with --verbose).</summary>
    public void Log(ILogger log) =>
        log.Debug("Fire of {Scenario} due {Due:O} fired {Fired:O}, job started {JobStarted:O}: {LatenessMs} ms late",
            ScenarioId, DueUtc, FiredUtc, StartedUtc, Lateness.TotalMilliseconds);
}
