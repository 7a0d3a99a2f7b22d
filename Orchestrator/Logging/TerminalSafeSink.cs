using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Stands before the console sink: log properties can carry container output, which reaches the
/// operator's terminal only with its control characters neutralised. The file log keeps them as they were.
/// </summary>
internal sealed class TerminalSafeSink(ILogEventSink console) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent) => console.Emit(new LogEvent(
        logEvent.Timestamp, logEvent.Level, logEvent.Exception, logEvent.MessageTemplate,
        logEvent.Properties.Select(p => new LogEventProperty(p.Key, Neutralise(p.Value)))));

    public void Dispose() => (console as IDisposable)?.Dispose();

    private static LogEventPropertyValue Neutralise(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => new ScalarValue(TerminalText.Neutralise(text)),
        ScalarValue { Value: char c } => new ScalarValue(TerminalText.Neutralise(c.ToString())),
        // Any other object shows as its ToString(), which can be anything; numbers, dates and the like cannot.
        ScalarValue { Value: not (null or IFormattable or bool) } other => new ScalarValue(TerminalText.Neutralise(other.Value.ToString() ?? "")),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Neutralise)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Neutralise(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(e =>
            KeyValuePair.Create((ScalarValue)Neutralise(e.Key), Neutralise(e.Value)))),
        _ => value,
    };
}
