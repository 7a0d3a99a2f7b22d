using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// One mapping's keys by name. Unknown keys are reported when it is built, so callers only ask
/// for the keys they know.
/// </summary>
internal sealed class Fields
{
    private readonly NodeReader reader;
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public Fields(NodeReader reader, YamlMappingNode node, string what, IReadOnlyList<string> allowedKeys)
    {
        this.reader = reader;
        Node = node;
        What = what;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode scalarKey || NodeReader.IsNull(key))
            {
                HasUnknownKeys = true;
                reader.Report(key, $"A key in {what} is {NodeReader.Describe(key)}; keys must be plain names.",
                    $"use one of: {string.Join(", ", allowedKeys)}");
            }
            else if (!allowedKeys.Contains(scalarKey.Value!, StringComparer.Ordinal))
            {
                reader.Report(key, $"Unknown key '{Shown.Quote(scalarKey.Value!)}' in {what}.", Suggestions.Fix(scalarKey.Value!, [.. allowedKeys]));
                HasUnknownKeys = true;
            }
            else
            {
                entries[scalarKey.Value!] = (scalarKey, value);
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string What { get; }

    public int Count => entries.Count;

    /// <summary>Lets callers skip follow-up errors that the unknown key already explains.</summary>
    public bool HasUnknownKeys { get; }

    public IEnumerable<string> Keys => entries.Keys;

    public bool Contains(string key) => entries.ContainsKey(key);

    public YamlScalarNode KeyNode(string key) => entries[key].Key;

    /// <summary>The value written under the key; null when the key is absent or written empty.</summary>
    public YamlNode? Optional(string key) =>
        entries.TryGetValue(key, out var entry) && !NodeReader.IsNull(entry.Value) ? entry.Value : null;

    public YamlNode? Required(string key, string example)
    {
        var value = Optional(key);
        if (value is null)
        {
            var at = entries.TryGetValue(key, out var entry) ? (YamlNode)entry.Key : Node;
            reader.Report(at, $"{What} has no '{key}'.", $"add '{key}: {example}'");
        }

        return value;
    }

    /// <summary>Required text that says something: only spaces is refused like an absent value.</summary>
    public string? RequiredText(string key, string example)
    {
        if (Required(key, example) is not { } node || reader.Text(node, $"'{key}' of {What}") is not { } text)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            reader.Report(node, $"'{key}' of {What} is blank.", $"write '{key}: {example}'");
            return null;
        }

        return text;
    }

    /// <summary>A title is read by people in reports and logs: characters that do not show (zero-width spaces,
    /// right-to-left overrides, controls) could make it read as another, so they are refused.</summary>
    public string? RequiredTitle(string example)
    {
        var title = RequiredText("title", example);
        var invisible = title is null ? -1 : Array.FindIndex(title.ToCharArray(), Shown.IsInvisible);
        if (invisible < 0)
        {
            return title;
        }

        reader.Report(Optional("title")!, $"'title' of {What} holds the invisible character U+{(int)title![invisible]:X4}, which can make it read as another title.",
            "remove zero-width, direction-override and control characters from the title");
        return null;
    }

    public string? OptionalText(string key) =>
        Optional(key) is { } node ? reader.Text(node, $"'{key}' of {What}") : null;

    public WrittenDuration? OptionalDuration(string key) =>
        Optional(key) is { } node ? reader.WrittenDuration(node, $"'{key}' of {What}") : null;

    public int? OptionalInteger(string key, int min, int max) =>
        Optional(key) is { } node ? reader.Integer(node, $"'{key}' of {What}", min, max) : null;
}
