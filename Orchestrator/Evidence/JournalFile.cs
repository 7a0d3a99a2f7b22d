using System.Globalization;
using System.Text;
using System.Text.Json;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// journal.jsonl: one chained event a line, each line the event's canonical form with its hash as the last key
/// (<see cref="JournalChain.Line"/>), lines ended by "\n". Read back strictly: a line that is not exactly the
/// canonical form of what it says is malformed, so no changed byte hides in spacing or escapes.
/// </summary>
internal static class JournalFile
{
    public static byte[] Write(IReadOnlyList<JournalEvent> chained)
    {
        var text = new StringBuilder();
        foreach (var entry in chained)
        {
            text.Append(JournalChain.Line(entry)).Append('\n');
        }

        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>The events read, and a break for every line that is not a canonical event.</summary>
    public static (IReadOnlyList<JournalEvent> Events, IReadOnlyList<ChainBreak> Malformed) Read(byte[] content)
    {
        var events = new List<JournalEvent>();
        var malformed = new List<ChainBreak>();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return ([], [new ChainBreak(0, null, ChainFault.Malformed, "the file is not UTF-8 text")]);
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            var (entry, problem) = Parse(lines[i]);
            if (entry is not null && problem is null)
            {
                events.Add(entry);
            }
            else
            {
                malformed.Add(new ChainBreak(i + 1, entry?.Sequence ?? SequenceOf(lines[i]), ChainFault.Malformed, problem ?? "not an event"));
            }
        }

        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            malformed.Add(new ChainBreak(lines.Length, null, ChainFault.Malformed, "the last line does not end with a newline"));
        }

        return (events, malformed);
    }

    private static (JournalEvent? Entry, string? Problem) Parse(string line)
    {
        JournalEvent entry;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            entry = new JournalEvent(
                root.GetProperty("seq").GetInt32(),
                Enum.Parse<JournalMark>(JsonText.Required(root, "mark")),
                DateTimeOffset.Parse(JsonText.Required(root, "ts"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                TimeSpan.FromTicks(root.GetProperty("elapsed").GetInt64()),
                JsonText.Required(root, "message"),
                root.GetProperty("detail").ValueKind == JsonValueKind.Null ? null : root.GetProperty("detail").GetString())
            {
                PreviousHash = JsonText.Required(root, "prev"),
                Hash = JsonText.Required(root, "hash"),
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            return (null, $"not a journal event ({ex.Message.TrimEnd('.')})");
        }

        return string.Equals(JournalChain.Line(entry), line, StringComparison.Ordinal)
            ? (entry, null)
            : (entry, "the line is not the event's canonical form (spacing, key order or escaping changed)");
    }

    /// <summary>The event number of a line that does not parse, when its "seq" can still be read.</summary>
    private static int? SequenceOf(string line)
    {
        const string key = "{\"seq\":";
        if (!line.StartsWith(key, StringComparison.Ordinal))
        {
            return null;
        }

        var digits = new string(line.Skip(key.Length).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
