using Drills.Scenarios.Text;
using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Stands before every log sink: a property or an exception can carry a secret (a command's output, a
/// URL with a password, an engine's error message), which <see cref="Secrets"/> masks before it is written.
/// </summary>
internal sealed class RedactingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, LogValues.Map(p.Value, Secrets.Redact))).ToList();
        var exception = logEvent.Exception;
        var shown = exception?.ToString();
        if (shown is not null && Secrets.Redact(shown) is var masked && masked != shown)
        {
            // An exception's text cannot be rewritten: the masked text goes in its place as a property.
            properties.Add(new LogEventProperty("ExceptionText", new ScalarValue(masked)));
            exception = null;
        }

        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
