namespace Drills.Scenarios.RunRecords;

/// <summary>
/// Why a run exists. A scheduled run keeps the fire time it was due at, so a late start (the service was
/// down, or the run waited for another drill on the same system) is visible with its delay.
/// </summary>
internal sealed record RunOrigin(RunTrigger Trigger, DateTimeOffset? ScheduledForUtc = null, TimeSpan Waited = default, string? WaitedFor = null)
{
    public static RunOrigin OnDemand { get; } = new(RunTrigger.OnDemand);
}

/// <summary>How a run was started.</summary>
internal enum RunTrigger
{
    /// <summary>An operator ran <c>drills run</c>.</summary>
    OnDemand,

    /// <summary>The scheduler fired it on time.</summary>
    Schedule,

    /// <summary>A missed fire (the service was down, or could not fire it in time), run once late because it was within the grace period.</summary>
    CatchUp,
}
