namespace Drills.Scenarios.Text;

/// <summary>"Did you mean" hints: the nearest allowed word by edit distance, so typos get a one-line fix.</summary>
/// <remarks>Public: the loader and the command line (scenario ids, run ids, step titles) suggest alike.</remarks>
public static class Suggestions
{
    /// <summary>Farther than this, a suggestion is more likely to mislead than to help.</summary>
    public const int MaxDistance = 2;

    /// <summary>Longer words are not typos of a name; skipping them keeps each suggestion linear in the file's size.</summary>
    public const int MaxWordLength = 64;

    /// <summary>A fix lists at most this many allowed words, so a catalogue of thousands of ids still gets a one-line fix.</summary>
    public const int MaxListed = 20;

    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > MaxWordLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = MaxDistance + 1;
        var upper = word.ToUpperInvariant();
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxWordLength || Math.Abs(candidate.Length - word.Length) > MaxDistance)
            {
                continue;
            }

            var distance = Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"did you mean 'x'?" when a candidate is close, else the whole list of allowed words.</summary>
    public static string Fix(string word, IReadOnlyCollection<string> candidates)
    {
        var nearest = Nearest(word, candidates);
        if (nearest is not null)
        {
            return $"did you mean '{nearest}'?";
        }

        return candidates.Count == 0
            ? "remove it; nothing goes here (write '{}' for no options)"
            : $"use one of: {Listed(candidates)}";
    }

    private static string Listed(IReadOnlyCollection<string> candidates) =>
        candidates.Count <= MaxListed
            ? string.Join(", ", candidates)
            : $"{string.Join(", ", candidates.Take(MaxListed))} (and {candidates.Count - MaxListed} more)";

    /// <summary>Levenshtein distance: insertions, deletions and substitutions each cost one.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
