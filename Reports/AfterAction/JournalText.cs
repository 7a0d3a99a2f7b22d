using System.Text.RegularExpressions;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Journal messages are recorded in English; this gives each its Vietnamese text for the report. Each message the
/// orchestrator writes has one anchored pattern in <see cref="JournalPhrases"/>; the values in it (ids, paths,
/// durations, commands, what a container said) are carried over as they were recorded.
/// </summary>
/// <remarks><c>JournalTextTests</c> reads every journal message from the orchestrator's source and fails on one without a pattern here.</remarks>
internal static partial class JournalText
{
    /// <summary>The Vietnamese text of a recorded journal message, or null when none is known (the report then shows the English).</summary>
    public static string? Vietnamese(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Translate(JournalPhrases.Messages, message);
    }

    /// <summary>Why an interrupted run's rollback waits for an operator, in Vietnamese; null when the reason is not known.</summary>
    public static string? StaleReason(string reason) => Translate(JournalPhrases.StaleReasons, reason);

    private static string? Translate(IReadOnlyList<JournalPhrase> phrases, string english)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.English.Match(english) is { Success: true } match)
            {
                return Fill(phrase.Vietnamese, match);
            }
        }

        return null;
    }

    /// <summary>
    /// The template with each <c>{name}</c> (or <c>{name:map}</c>, a value translated by <see cref="Map"/>) replaced by
    /// its group; a <c>[...]</c> part is kept only when every group inside it matched.
    /// </summary>
    private static string Fill(string template, Match match)
    {
        var kept = Optional().Replace(template, part =>
        {
            var inner = part.Groups["inner"].Value;
            return Holes(inner).All(name => match.Groups[name].Success) ? inner : "";
        });
        return Place(kept, match);
    }

    private static string Place(string text, Match match) =>
        Hole().Replace(text, hole => Map(hole.Groups["map"].Value, match.Groups[hole.Groups["name"].Value].Value));

    private static IEnumerable<string> Holes(string text) => Hole().Matches(text).Select(m => m.Groups["name"].Value);

    private static string Map(string map, string value) => map switch
    {
        "" => value,
        "reason" => ReasonText.Vietnamese(value),
        "stale" => StaleReason(value) ?? value,
        "journal" => Vietnamese(value) ?? value,
        "wait" => Translate(JournalPhrases.WaitReasons, value) ?? value,
        _ => JournalPhrases.Words.TryGetValue((map, value), out var word) ? word : value,
    };

    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<map>\w+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();

    [GeneratedRegex(@"\[(?<inner>[^\[\]]*)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Optional();
}

/// <summary>One recorded English message form and its Vietnamese template.</summary>
internal sealed record JournalPhrase(Regex English, string Vietnamese);
