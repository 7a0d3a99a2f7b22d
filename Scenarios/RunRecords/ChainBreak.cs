namespace Drills.Scenarios.RunRecords;

/// <summary>One place where a journal's hash chain does not hold: the event (its number as written, and its line) and why.</summary>
/// <param name="Line">The 1-based position of the event in the journal as read.</param>
/// <param name="Event">The event's number as written (its sequence), or null when none could be read.</param>
internal sealed record ChainBreak(int Line, int? Event, ChainFault Fault, string Detail)
{
    public override string ToString() =>
        $"event {(Event is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")} (line {Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}): " +
        $"{Fault.ToString().ToLowerInvariant()} — {Detail}";
}

/// <summary>Why a journal's chain breaks at an event.</summary>
internal enum ChainFault
{
    /// <summary>The event's content no longer gives its hash, or a later event names another hash for it.</summary>
    Edited,

    /// <summary>The event stands where another number was expected, and its own number appears elsewhere.</summary>
    Reordered,

    /// <summary>An event that was not in the chain: a number seen twice, or a link to a hash no event has.</summary>
    Inserted,

    /// <summary>Events are missing before this one.</summary>
    Deleted,

    /// <summary>The chain ends elsewhere than the head kept with the run (events cut off the end, or the head changed).</summary>
    HeadMismatch,

    /// <summary>The line is not an event in canonical form.</summary>
    Malformed,
}
