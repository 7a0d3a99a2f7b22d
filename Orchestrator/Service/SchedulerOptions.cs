namespace Drills.Orchestrator.Service;

/// <summary>How <c>drills serve</c> schedules drills. Defaults are documented where declared; the CLI sets the rest.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>At most this many drills run at once across all systems (one per system always).</summary>
    public int MaxConcurrentDrills { get; init; } = 2;

    /// <summary>
    /// The highest <see cref="MaxConcurrentDrills"/> accepted: 32, half the scheduler's 64 threads, so fires waiting for a
    /// turn always leave threads for the trigger loop (20 drills at once measured well under 300 MB).
    /// </summary>
    public const int MostConcurrentDrills = 32;

    /// <summary>Threads the scheduler fires jobs on; a fire waits for its turn on one of them.</summary>
    public const int SchedulerThreads = 64;

    /// <summary>
    /// A fire missed while the service was down runs once at start-up when the latest missed fire is at
    /// most this old; older misses are skipped and recorded. Zero skips every miss.
    /// </summary>
    public TimeSpan MisfireGrace { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How late a fire may start before it counts as missed (the scheduler's own latency stays well under it).</summary>
    public TimeSpan MisfireThreshold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Snapshot archives are kept for this many of the newest finished runs; older runs keep only their
    /// baseline.json (checksums and manifest). A frequent schedule would otherwise fill the disk.
    /// </summary>
    public int KeepSnapshots { get; init; } = 20;

    /// <summary>How often the running service looks for runs a crashed process left open (a killed <c>drills run</c>) and rolls them back: every minute.</summary>
    public TimeSpan RecoveryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the service looks for a <c>drills reload</c> request.</summary>
    public TimeSpan RequestPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
