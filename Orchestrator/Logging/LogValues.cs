using Serilog.Events;

namespace Drills.Orchestrator.Logging;

/// <summary>Rewrites every text inside a log property, however deeply it is nested.</summary>
internal static class LogValues
{
    public static LogEventPropertyValue Map(LogEventPropertyValue value, Func<string, string> text) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(text(s)),
        ScalarValue { Value: char c } => new ScalarValue(text(c.ToString())),
        // Any other object shows as its ToString(), which can be anything; numbers, dates and the like cannot.
        ScalarValue { Value: not (null or IFormattable or bool) } other => new ScalarValue(text(other.Value.ToString() ?? "")),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(e => Map(e, text))),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Map(p.Value, text))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            KeyValuePair.Create((ScalarValue)Map(e.Key, text), Map(e.Value, text)))),
        _ => value,
    };
}
