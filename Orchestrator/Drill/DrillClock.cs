namespace Drills.Orchestrator.Drill;

/// <summary>
/// The one clock of a drill. Wall-clock time is read only for the record; every duration is measured
/// from the monotonic timestamp taken when the drill began, so a clock jump never bends a result.
/// </summary>
internal sealed class DrillClock
{
    private readonly TimeProvider _time;
    private readonly long _origin;

    public DrillClock(TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
        StartedAtUtc = time.GetUtcNow();
    }

    /// <summary>The clock of a run that began earlier (in another process): elapsed time keeps counting from its start.</summary>
    public DrillClock(TimeProvider time, DateTimeOffset startedAtUtc)
    {
        _time = time;
        var since = time.GetUtcNow() - startedAtUtc;
        _origin = time.GetTimestamp() - (long)(since.TotalSeconds * time.TimestampFrequency);
        StartedAtUtc = startedAtUtc;
    }

    public TimeProvider Provider => _time;

    public DateTimeOffset StartedAtUtc { get; }

    /// <summary>Monotonic time since the drill began.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_origin);

    /// <summary>Wall clock for the record, derived from the monotonic elapsed time so both agree.</summary>
    public DateTimeOffset UtcAt(TimeSpan elapsed) => StartedAtUtc + elapsed;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, cancellationToken);
}
