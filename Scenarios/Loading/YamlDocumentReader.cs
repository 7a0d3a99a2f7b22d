using Drills.Scenarios.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>Turns the file's text into one YAML root node, reporting syntax errors and duplicate keys with positions.</summary>
internal static class YamlDocumentReader
{
    public static YamlNode? ReadRoot(NodeReader reader, string text)
    {
        try
        {
            var events = YamlEventReader.Read(text);
            return SingleDocument(reader, Load(new DuplicateKeyFilter(events, reader).Filter()));
        }
        catch (YamlException e)
        {
            reader.Report(Where(reader, e, text), $"YAML syntax error: {e.Message}",
                "correct the YAML here: check the indentation, the ':' after each key, and closing quotes and brackets");
            return null;
        }
        catch (UnreadableYamlException e)
        {
            reader.Report(reader.At(e.At), e.Message, e.Fix);
            return null;
        }
    }

    /// <summary>Builds the model from events already bounded in depth and expansion; anything it still throws
    /// (two equal keys that are lists, say) is located at the event it was reading.</summary>
    private static YamlStream Load(IReadOnlyList<ParsingEvent> events)
    {
        var replay = new ReplayParser(events);
        var stream = new YamlStream();
        try
        {
            stream.Load(replay);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableYamlException(replay.Current?.Start ?? Mark.Empty, $"The YAML cannot be read here: {Shown.Quote(e.Message)}",
                "correct the YAML here: keys must be plain names, each written once");
        }

        return stream;
    }

    /// <summary>Where the error is. YamlDotNet reports a tab in indentation at 1:1 (or at the scalar before it),
    /// so for tab errors the first tab in any line's indentation is the place to look.</summary>
    private static SourceLocation Where(NodeReader reader, YamlException e, string text) =>
        e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentationTab(text) is (int line, int column)
            ? new SourceLocation(reader.File, line, column)
            : reader.At(e.Start);

    /// <summary>The 1-based line and column of the first tab in the indentation of a line with content; null when there is none.</summary>
    private static (int Line, int Column)? FirstIndentationTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var content = lines[i].TrimStart(' ', '\t');
            var tab = lines[i].IndexOf('\t', 0, lines[i].Length - content.Length);
            if (tab >= 0 && content.TrimEnd().Length > 0 && !content.StartsWith('#'))
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    private static YamlNode? SingleDocument(NodeReader reader, YamlStream stream)
    {
        if (stream.Documents.Count == 0)
        {
            reader.Report(new SourceLocation(reader.File, 1, 1), "The catalogue file is empty.",
                "start it with 'version: 1', then declare systems and scenarios");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            reader.Report(stream.Documents[1].RootNode, $"The catalogue file holds {stream.Documents.Count} YAML documents; it must hold one.",
                "remove the '---' separators and merge the documents into one");
        }

        return stream.Documents[0].RootNode;
    }
}
