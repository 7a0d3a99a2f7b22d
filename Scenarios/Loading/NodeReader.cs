using System.Globalization;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// Reads typed values out of YAML nodes and collects every problem instead of throwing, so one
/// pass over a file reports all of its errors.
/// </summary>
internal sealed class NodeReader(string file)
{
    private readonly List<CatalogueError> errors = [];

    public IReadOnlyList<CatalogueError> Errors => errors;

    public string File => file;

    /// <summary>Where secret env values are read from: drills' own environment, unless a test gives another.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public SourceLocation At(YamlNode node) => At(node.Start);

    /// <summary>Never before 1:1, so every error of the file's text has a position.</summary>
    public SourceLocation At(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    public void Report(YamlNode node, string message, string fix) => Report(At(node), message, fix);

    /// <summary>Every message passes through <see cref="Shown.Message"/>: whatever a file holds, an error is one bounded line.</summary>
    public void Report(SourceLocation location, string message, string fix) =>
        errors.Add(new CatalogueError(location, Shown.Message(message), Shown.Message(fix)));

    /// <summary>An empty value, <c>~</c> or <c>null</c>: YAML's ways of writing nothing.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public Fields? Mapping(YamlNode node, string what, IReadOnlyList<string> allowedKeys)
    {
        if (node is YamlMappingNode mapping)
        {
            return new Fields(this, mapping, what, allowedKeys);
        }

        Report(node, $"{what} must be a mapping of keys to values, not {Describe(node)}.",
            $"write it as 'key: value' lines indented under it, with keys from: {string.Join(", ", allowedKeys)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what, string example)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Report(node, $"{what} must be a list, not {Describe(node)}.", $"write a list such as {example}");
        return null;
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar && !IsNull(node))
        {
            return scalar.Value ?? "";
        }

        Report(node, $"{what} must be a single value, not {Describe(node)}.", $"write {what} as plain text on the same line as its key");
        return null;
    }

    public int? Integer(YamlNode node, string what, int min, int max)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Report(node, $"{what} is '{Shown.Quote(text)}'; it must be a whole number in {min}..{max}.", $"write a whole number from {min} to {max}");
        return null;
    }

    public TimeSpan? Duration(YamlNode node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        Report(node, $"{what} is '{Shown.Quote(text)}', which is not a duration.",
            $"write a positive duration such as {DurationText.Forms} (units largest first, no spaces)");
        return null;
    }

    /// <summary>A duration with the text it was written as, for messages that echo it.</summary>
    public WrittenDuration? WrittenDuration(YamlNode node, string what) =>
        Duration(node, what) is { } value ? new WrittenDuration(value, ((YamlScalarNode)node).Value!) : null;

    /// <summary>A list of plain values; null (with errors reported) when any item is not one.</summary>
    public IReadOnlyList<string>? TextList(YamlNode node, string what, string example, bool allowEmpty = false)
    {
        var sequence = Sequence(node, what, example);
        if (sequence is null)
        {
            return null;
        }

        if (!allowEmpty && sequence.Children.Count == 0)
        {
            Report(node, $"{what} is an empty list.", $"write at least one item, such as {example}");
            return null;
        }

        var items = sequence.Children.Select(item => Text(item, $"each item of {what}")).ToList();
        return items.Any(item => item is null) ? null : items.Select(item => item!).ToList();
    }

    /// <summary>A command to run in the target: an argv list whose first item names a program, so a blank one
    /// is refused here rather than failing every run with Docker's "executable file not found".</summary>
    public IReadOnlyList<string>? Command(YamlNode node, string what, string example)
    {
        var argv = TextList(node, what, example);
        if (argv is null || !string.IsNullOrWhiteSpace(argv[0]))
        {
            return argv;
        }

        Report(((YamlSequenceNode)node).Children[0], $"{what} starts with a blank program name.",
            $"write the program first, then each argument as its own item, such as {example}");
        return null;
    }

    /// <summary>Paths inside the target container; relative ones are refused because the container's working directory is not ours to assume.</summary>
    public IReadOnlyList<string>? AbsolutePaths(YamlNode node, string what)
    {
        var paths = TextList(node, what, "[/srv/www]");
        if (paths is null)
        {
            return null;
        }

        var valid = true;
        var sequence = (YamlSequenceNode)node;
        for (var i = 0; i < paths.Count; i++)
        {
            valid &= AbsolutePath(sequence.Children[i], paths[i], what);
        }

        return valid ? paths : null;
    }

    public bool AbsolutePath(YamlNode node, string path, string what)
    {
        if (path.StartsWith('/'))
        {
            return true;
        }

        Report(node, $"{what}: '{Shown.Quote(path)}' is a relative path.", $"write the absolute path inside the container, such as '/{Shown.Quote(path.TrimStart('.', '/'))}'");
        return false;
    }

    /// <summary>A mapping's entries, or none when the node is absent or not a mapping (reported by the caller).</summary>
    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlNode? node) =>
        (node as YamlMappingNode)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ when IsNull(node) => "empty",
        YamlScalarNode scalar => $"the value '{Shown.Quote(scalar.Value ?? "")}'",
        _ => "this",
    };
}
