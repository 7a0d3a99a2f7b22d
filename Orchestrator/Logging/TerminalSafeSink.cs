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
        logEvent.Properties.Select(p => new LogEventProperty(p.Key, LogValues.Map(p.Value, TerminalText.Neutralise)))));

    public void Dispose() => (console as IDisposable)?.Dispose();
}
