namespace Drills.Orchestrator.Scheduling;

/// <summary>The next fire times of a schedule (UTC), or why it has none within the horizon.</summary>
internal sealed record FireForecast(IReadOnlyList<DateTimeOffset> Times, string? NeverFiresBecause)
{
    /// <summary>No fire within <see cref="FireTimes.Horizon"/>: the schedule is in the past, or blacked out throughout.</summary>
    public bool NeverFires => Times.Count == 0;

    public DateTimeOffset? First => Times.Count > 0 ? Times[0] : null;
}
