namespace Drills.Orchestrator.Canaries;

/// <summary>
/// Which of the markers drills wrote a read command's output holds. Only markers this drill wrote count, each once,
/// so output that repeats, pads or invents markers cannot inflate what is present; the output is read once, as tokens.
/// </summary>
internal static class CanaryReadout
{
    /// <summary>The markers of <paramref name="known"/> that appear in <paramref name="output"/> as whole words.</summary>
    public static IReadOnlySet<string> Present(string output, IEnumerable<string> known)
    {
        var wanted = new HashSet<string>(known, StringComparer.Ordinal);
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var text = output.AsSpan();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsMarkerChar(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && lookup.TryGetValue(text[start..i], out var marker))
            {
                found.Add(marker);
            }

            start = -1;
        }

        return found;
    }

    // A marker is the run id and a sequence: ASCII letters, digits and '-'. Anything else (newline, '|', quotes) separates.
    private static bool IsMarkerChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}
