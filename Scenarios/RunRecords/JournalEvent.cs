namespace Drills.Scenarios.RunRecords;

/// <summary>
/// One journal line. <see cref="TimestampUtc"/> is the wall clock for the record;
/// <see cref="Elapsed"/> comes from the drill's monotonic clock and is what every duration uses.
/// </summary>
internal sealed record JournalEvent(
    int Sequence,
    JournalMark Mark,
    DateTimeOffset TimestampUtc,
    TimeSpan Elapsed,
    string Message,
    string? Detail = null);
