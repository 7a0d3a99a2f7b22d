namespace Drills.Scenarios.RunRecords;

/// <summary>
/// One journal line. <see cref="TimestampUtc"/> is the wall clock for the record;
/// <see cref="Elapsed"/> comes from the drill's monotonic clock and is what every duration uses.
/// <see cref="Hash"/> and <see cref="PreviousHash"/> are set by the store that chained the event
/// (<see cref="JournalChain"/>); an event recorded before the journal was chained has neither.
/// </summary>
internal sealed record JournalEvent(
    int Sequence,
    JournalMark Mark,
    DateTimeOffset TimestampUtc,
    TimeSpan Elapsed,
    string Message,
    string? Detail = null)
{
    /// <summary>Lower-case hex SHA-256 of the event's canonical form, which includes <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; init; }

    /// <summary>The hash of the event before it in the run's journal; 64 zeros for the first.</summary>
    public string? PreviousHash { get; init; }
}
