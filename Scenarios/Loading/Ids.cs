using System.Text.RegularExpressions;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>Ids of systems, scenarios and calendars: they appear in URLs, file names and container labels.</summary>
internal static partial class Ids
{
    public static string? Read(NodeReader reader, YamlNode key, string what)
    {
        var id = (key as YamlScalarNode)?.Value;
        if (id is not null && IdPattern().IsMatch(id))
        {
            return id;
        }

        var shown = id is null ? NodeReader.Describe(key) : Shown.Quote(id);
        reader.Report(key, $"{what} '{shown}' is not a valid id.",
            $"use up to 63 lowercase letters, digits and dashes, starting with a letter or digit, such as '{Suggest(shown)}'");
        return null;
    }

    private static string Suggest(string id)
    {
        var cleaned = NonIdCharacters().Replace(id.ToLowerInvariant(), "-").Trim('-');
        cleaned = cleaned.Length > 63 ? cleaned[..63].TrimEnd('-') : cleaned;
        return cleaned.Length == 0 ? "citizen-portal" : cleaned;
    }

    // \z, not $: $ also matches before a final newline, and ids flow into labels, lock files and logs.
    // At most 63 characters, like a DNS label, so an id always fits a file name.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonIdCharacters();
}
