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
            var events = ReadEvents(text);
            var stream = new YamlStream();
            stream.Load(new ReplayParser(new DuplicateKeyFilter(events, reader).Filter()));
            return SingleDocument(reader, stream);
        }
        catch (YamlException e)
        {
            reader.Report(reader.At(e.Start), $"YAML syntax error: {e.Message}",
                "correct the YAML here: check the indentation, the ':' after each key, and closing quotes and brackets");
            return null;
        }
    }

    private static List<ParsingEvent> ReadEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        try
        {
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, on some unclosed flow collections;
            // the last event read is the nearest place the author can look at.
            var at = events.Count > 0 ? events[^1].Start : Mark.Empty;
            throw new YamlException(at, at, "the file cannot be read past this point; an unclosed '[', '{' or quote is the usual cause.", e);
        }

        return events;
    }

    private static YamlNode? SingleDocument(NodeReader reader, YamlStream stream)
    {
        if (stream.Documents.Count == 0)
        {
            reader.Report(new Catalogue.SourceLocation(reader.File, 1, 1), "The catalogue file is empty.",
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
