namespace Drills.Orchestrator.Drill;

/// <summary>Engine bounds that the catalogue does not declare. Defaults are documented where declared.</summary>
internal sealed record DrillOptions
{
    /// <summary>How long the system may take to pass all checks before the attack; an unhealthy system is not attacked.</summary>
    public TimeSpan BaselineTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long to watch for impact after the attack steps before restoring anyway (at least this, or 10 probes).</summary>
    public TimeSpan DetectionWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long verification may take after the restore steps end before the drill counts as failed.
    /// Null (the default): until the scenario's max_duration, which then aborts and rolls back.
    /// </summary>
    public TimeSpan? VerifyTimeout { get; init; }

    /// <summary>Upper bound for rolling the target back after an abort; rollback runs even when the drill was cancelled.</summary>
    public TimeSpan RollbackTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How old an interrupted run's baseline may be and still be restored without an operator's word
    /// (<c>drills recover RUN_ID --confirm</c>): 24 hours, the national recovery ceiling. An older one may
    /// predate repairs and new records that restoring it would throw away.
    /// </summary>
    public TimeSpan StaleBaselineAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Count each manual step at its declared expected duration instead of waiting for an operator
    /// (<c>drills run --simulate-manual</c>). Declared time is kept apart from measured time.
    /// </summary>
    public bool SimulateManual { get; init; }

    /// <summary>People taking part named on the command line (<c>drills run --participant NAME</c>), recorded after the scenario's own.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>How often a waiting manual step looks for its confirmation in the run store: 500 ms, so the drill moves on at once.</summary>
    public TimeSpan ConfirmationPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
