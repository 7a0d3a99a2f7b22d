using Drills.Scenarios.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Drills.Scenarios.Loading;

/// <summary>
/// Reads the parser's events one at a time and stops, with a located problem, at anything that would make
/// YamlDotNet's recursive model building overflow the stack or expand without bound: nesting past
/// <see cref="CatalogueLimits.MaxDepth"/>, a key that is not a plain value, an alias inside the node it names, an alias
/// to no anchor, alias expansion past <see cref="CatalogueLimits.MaxExpandedValues"/>, an over-long value.
/// Whatever the parser throws becomes an <see cref="UnreadableYamlException"/> at the parser's position.
/// </summary>
internal sealed class YamlEventReader
{
    private readonly List<ParsingEvent> events = [];
    private readonly Stack<Frame> open = new();

    // Each anchor's size in values once expanded; an anchor is listed only once its node is complete.
    private readonly Dictionary<string, long> anchors = new(StringComparer.Ordinal);
    private long expanded;

    /// <summary>One open mapping or list: what its children need checked, and what its anchor will stand for.</summary>
    private sealed class Frame(bool isMapping, string? anchor, long expandedBefore)
    {
        public bool IsMapping { get; } = isMapping;

        public string? Anchor { get; } = anchor;

        public long ExpandedBefore { get; } = expandedBefore;

        public int Children { get; set; }

        public Mark LastKey { get; set; }
    }

    public static IReadOnlyList<ParsingEvent> Read(string text)
    {
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var reader = new YamlEventReader();
        try
        {
            while (parser.MoveNext())
            {
                reader.Accept(parser.Current!);
            }
        }
        catch (InvalidOperationException)
        {
            // The scanner throws this, without a position, on some unclosed flow collections;
            // the last event read is the nearest place the author can look at.
            var at = reader.events.Count > 0 ? reader.events[^1].Start : scanner.CurrentPosition;
            throw new UnreadableYamlException(at, "YAML syntax error: the file cannot be read past this point; an unclosed '[', '{' or quote is the usual cause.",
                "close each '[', '{' and quote opened before this point");
        }
        catch (Exception e) when (e is not (UnreadableYamlException or YamlException or OutOfMemoryException))
        {
            // Bad escapes, tags and directives throw ArgumentException, FormatException and others, without a position.
            throw new UnreadableYamlException(scanner.CurrentPosition, $"YAML syntax error: {Shown.Quote(e.Message)}",
                "correct the YAML here: check escapes in double quotes ('\\x', '\\u', '\\U' need a valid code point), '%' directives, '!' tags, and closing quotes and brackets");
        }

        return reader.events;
    }

    private void Accept(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart:
                anchors.Clear();
                break;
            case Scalar scalar:
                StartNode(scalar);
                CheckLength(scalar);
                Count(scalar, 1);
                Remember(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, 1);
                break;
            case AnchorAlias alias:
                StartNode(alias);
                Count(alias, SizeOf(alias));
                break;
            case MappingStart or SequenceStart:
                StartNode(e);
                Push(e);
                break;
            case MappingEnd or SequenceEnd:
                var frame = open.Pop();
                CheckPairs(frame);
                Remember(frame.Anchor, expanded - frame.ExpandedBefore);
                break;
        }

        events.Add(e);
    }

    /// <summary>Counts the node in its parent, checking it when the parent mapping expects a key.</summary>
    private void StartNode(ParsingEvent e)
    {
        if (open.TryPeek(out var parent))
        {
            if (parent.IsMapping && parent.Children % 2 == 0)
            {
                CheckKey(e);
                parent.LastKey = e.Start;
            }

            parent.Children++;
        }
    }

    /// <summary>Keys are plain names: YamlDotNet hashes a list or mapping key, and an alias key, by walking it recursively.</summary>
    private static void CheckKey(ParsingEvent key)
    {
        switch (key)
        {
            case AnchorAlias alias:
                throw new UnreadableYamlException(key.Start, $"The alias '*{Shown.Quote(alias.Value.Value)}' is used as a mapping key.",
                    "write the key out in full: aliases ('*name') may stand for values only");
            case MappingStart or SequenceStart:
                throw new UnreadableYamlException(key.Start, $"A key here is {(key is MappingStart ? "a mapping" : "a list")}; keys must be plain names.",
                    "write the key as a plain name before its ':'");
        }
    }

    private void Push(ParsingEvent e)
    {
        var anchor = ((NodeEvent)e).Anchor;
        open.Push(new Frame(e is MappingStart, anchor.IsEmpty ? null : anchor.Value, expanded));
        Count(e, 1);
        if (open.Count > CatalogueLimits.MaxDepth)
        {
            throw new UnreadableYamlException(e.Start, $"The YAML nests more than {CatalogueLimits.MaxDepth} mappings and lists deep here; no catalogue value nests this deep.",
                "close the '[' and '{' opened before this point, or indent less: a step's options nest 8 deep at most");
        }
    }

    /// <summary>The values an alias stands for; refuses an alias to no anchor, or to a node not yet complete (itself or one around it).</summary>
    private long SizeOf(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (open.Any(frame => frame.Anchor == name))
        {
            throw new UnreadableYamlException(alias.Start, $"The alias '*{Shown.Quote(name)}' is inside the node it names, which would repeat without end.",
                "write the value out instead of the alias, or move the alias after the end of its anchored node");
        }

        if (!anchors.TryGetValue(name, out var size))
        {
            throw new UnreadableYamlException(alias.Start, $"The alias '*{Shown.Quote(name)}' names no anchor defined before it.",
                $"define '&{Shown.Quote(name)}' on a value above this alias, or write the value out");
        }

        return size;
    }

    private void Remember(string? anchor, long size)
    {
        if (anchor is not null)
        {
            anchors[anchor] = size;
        }
    }

    private void Count(ParsingEvent at, long values)
    {
        expanded += values;
        if (expanded > CatalogueLimits.MaxExpandedValues)
        {
            throw new UnreadableYamlException(at.Start, $"With its aliases expanded, the file holds more than {CatalogueLimits.MaxExpandedValues} values by this point; aliases of aliases multiply text.",
                "write the values out, or use fewer aliases: a catalogue needs far fewer values");
        }
    }

    /// <summary>A key written with no ':' value after it leaves a mapping one node short, which the model cannot load.</summary>
    private static void CheckPairs(Frame frame)
    {
        if (frame.IsMapping && frame.Children % 2 == 1)
        {
            throw new UnreadableYamlException(frame.LastKey, "This key has no value: the YAML ends its mapping right after it.",
                "write 'key: value' with the key's name before the ':', or remove the lone key or ':'");
        }
    }

    private static void CheckLength(Scalar scalar)
    {
        if (scalar.Value.Length > CatalogueLimits.MaxTextLength)
        {
            throw new UnreadableYamlException(scalar.Start, $"A value of {scalar.Value.Length} characters starts here; values are limited to {CatalogueLimits.MaxTextLength}.",
                "shorten the value: no catalogue field needs text this long");
        }
    }
}
