using System.Globalization;

namespace Drills.Scenarios.RunRecords;

/// <summary>
/// Locates breaks in a journal's hash chain. An event is judged once, by the first rule it fails: its content
/// (edited), a number seen before (inserted), a jump over numbers that are nowhere (deleted) or that stand
/// elsewhere (reordered), a link to no event (inserted), a link to another hash of the event before it (that
/// event edited and re-hashed). Links go by number, not by line, so one moved or missing event is one break.
/// </summary>
internal static class ChainVerifier
{
    public static ChainCheck Verify(IReadOnlyList<JournalEvent> events, string? expectedHead)
    {
        var breaks = new List<ChainBreak>();
        var unchained = new List<int>();
        var numbers = events.Select(e => e.Sequence).ToHashSet();
        var hashes = events.Where(e => e.Hash is not null).Select(e => e.Hash!).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<int>();
        var highest = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var entry = events[i];
            var fault = entry.Hash is null ? null : Fault(entry, events, numbers, hashes, seen, highest);
            if (entry.Hash is null)
            {
                unchained.Add(entry.Sequence);
            }
            else if (fault is { } found)
            {
                breaks.Add(new ChainBreak(i + 1, entry.Sequence, found.Fault, found.Detail));
            }

            seen.Add(entry.Sequence);
            // An inserted event is no part of the order: the events after it are judged as if it were not there.
            if (fault?.Fault is not ChainFault.Inserted)
            {
                highest = Math.Max(highest, entry.Sequence);
            }
        }

        var head = JournalChain.HeadOf(events);
        if (expectedHead is not null && !string.Equals(head?.Hash, expectedHead, StringComparison.Ordinal))
        {
            breaks.Add(new ChainBreak(events.Count, events.Count == 0 ? null : events[^1].Sequence, ChainFault.HeadMismatch,
                $"the chain ends at {Short(head?.Hash)} but the head kept with the run is {Short(expectedHead)}: events were cut off the end, or the head was changed"));
        }

        return new ChainCheck(breaks, unchained, head);
    }

    private static (ChainFault Fault, string Detail)? Fault(JournalEvent entry, IReadOnlyList<JournalEvent> events, HashSet<int> numbers,
        HashSet<string> hashes, HashSet<int> seen, int highest)
    {
        if (!string.Equals(JournalChain.HashOf(entry, entry.PreviousHash ?? ""), entry.Hash, StringComparison.Ordinal))
        {
            return (ChainFault.Edited, "its content does not give its hash");
        }

        if (seen.Contains(entry.Sequence))
        {
            return (ChainFault.Inserted, $"a second event numbered {N(entry.Sequence)}");
        }

        var expected = highest + 1;
        if (entry.Sequence < expected)
        {
            return (ChainFault.Reordered, $"it stands after event {N(highest)}");
        }

        if (entry.Sequence > expected)
        {
            var skipped = Enumerable.Range(expected, entry.Sequence - expected).ToList();
            if (skipped.All(n => !numbers.Contains(n)))
            {
                return (ChainFault.Deleted, skipped.Count == 1 ? $"event {N(expected)} before it is missing" : $"events {N(expected)} to {N(entry.Sequence - 1)} before it are missing");
            }

            if (!LinksToAny(entry, hashes))
            {
                return (ChainFault.Inserted, "it links to no event of this journal");
            }

            return (ChainFault.Reordered, $"it stands before event {N(skipped.First(numbers.Contains))}");
        }

        var before = events.Where(e => e.Sequence == entry.Sequence - 1).ToList();
        var linked = before.Count == 0 || before.Any(e => e.Hash is null)
            ? string.Equals(entry.PreviousHash, JournalChain.Genesis, StringComparison.Ordinal)
            : before.Any(e => string.Equals(e.Hash, entry.PreviousHash, StringComparison.Ordinal));
        if (linked)
        {
            return null;
        }

        return LinksToAny(entry, hashes)
            ? (ChainFault.Edited, $"it names another hash for event {N(entry.Sequence - 1)}, which was changed and re-hashed, or moved")
            : before.Count == 0
                ? (ChainFault.Deleted, $"the events before it are missing")
                : (ChainFault.Edited, $"event {N(entry.Sequence - 1)} before it was changed and re-hashed (this event still names its original hash)");
    }

    private static bool LinksToAny(JournalEvent entry, HashSet<string> hashes) =>
        entry.PreviousHash is { } previous && (hashes.Contains(previous) || string.Equals(previous, JournalChain.Genesis, StringComparison.Ordinal));

    private static string N(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Short(string? hash) => hash is null ? "nothing" : hash.Length > 12 ? hash[..12] + "…" : hash;
}
