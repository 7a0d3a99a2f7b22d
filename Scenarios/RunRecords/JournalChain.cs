using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Drills.Scenarios.RunRecords;

/// <summary>
/// The journal's hash chain. An event's canonical form is one compact JSON object, keys in this order:
/// <c>{"seq":1,"mark":"Started","ts":"2026-12-01T04:00:00.0000000+00:00","elapsed":0,"message":"…","detail":null,"prev":"000…0"}</c>
/// (<c>ts</c> the UTC timestamp in the round-trip "O" format, <c>elapsed</c> the drill clock in .NET ticks of 100 ns,
/// <c>detail</c> a string or null, <c>prev</c> the previous event's hash or 64 zeros for the first; strings escaped as
/// System.Text.Json's relaxed encoder does, non-ASCII letters kept as UTF-8). Its hash is the lower-case hex SHA-256
/// of those UTF-8 bytes. A journal.jsonl line is the canonical form with <c>,"hash":"…"</c> added as its last key, so
/// anyone can recompute a hash from the line alone. Pure: no clock, no disk.
/// </summary>
internal static class JournalChain
{
    /// <summary>The previous hash of a chain's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Canonical(JournalEvent entry, string previousHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteNumber("seq", entry.Sequence);
            json.WriteString("mark", entry.Mark.ToString());
            json.WriteString("ts", entry.TimestampUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteNumber("elapsed", entry.Elapsed.Ticks);
            json.WriteString("message", entry.Message);
            if (entry.Detail is null)
            {
                json.WriteNull("detail");
            }
            else
            {
                json.WriteString("detail", entry.Detail);
            }

            json.WriteString("prev", previousHash);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string HashOf(JournalEvent entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry, previousHash))));

    /// <summary>The event chained after <paramref name="previousHash"/> (null: it is the first): its hash and previous hash set.</summary>
    public static JournalEvent Link(JournalEvent entry, string? previousHash)
    {
        var previous = previousHash ?? Genesis;
        return entry with { PreviousHash = previous, Hash = HashOf(entry, previous) };
    }

    /// <summary>Chains events in order from the first; events that already carry a hash are chained again.</summary>
    public static IReadOnlyList<JournalEvent> Chain(IEnumerable<JournalEvent> events)
    {
        var chained = new List<JournalEvent>();
        foreach (var entry in events)
        {
            chained.Add(Link(entry, chained.Count == 0 ? null : chained[^1].Hash));
        }

        return chained;
    }

    /// <summary>The journal.jsonl line of a chained event: its canonical form with its hash as the last key.</summary>
    public static string Line(JournalEvent chained)
    {
        var hash = chained.Hash ?? throw new ArgumentException($"Event {chained.Sequence} is not chained.", nameof(chained));
        var canonical = Canonical(chained, chained.PreviousHash ?? Genesis);
        return string.Concat(canonical.AsSpan(0, canonical.Length - 1), ",\"hash\":\"", hash, "\"}");
    }

    /// <summary>The chain's end: the last event's hash and the number of events, or null for an empty or unchained journal.</summary>
    public static ChainHead? HeadOf(IReadOnlyList<JournalEvent> events) =>
        events.Count > 0 && events[^1].Hash is { } hash ? new ChainHead(hash, events.Count) : null;

    /// <summary>
    /// Checks every event: its content gives its hash, it links to the event numbered before it, it stands in
    /// order, nothing is missing or doubled, and the chain ends at <paramref name="expectedHead"/> when one is kept.
    /// Events without a hash (recorded before the journal was chained) are listed as unchained, not as breaks.
    /// </summary>
    public static ChainCheck Verify(IReadOnlyList<JournalEvent> events, string? expectedHead) => ChainVerifier.Verify(events, expectedHead);
}
