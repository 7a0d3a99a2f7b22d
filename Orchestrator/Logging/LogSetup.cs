using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Operational logs: compact JSON to a rolling file under the data directory (for SIEM ingestion),
/// and warnings (or everything with --verbose) to stderr. The drill journal is separate: it is the record.
/// </summary>
internal static class LogSetup
{
    public static ILogger Create(string logFolder, bool verbose, bool service = false) => new LoggerConfiguration()
        .MinimumLevel.Debug()
        // The scheduler library narrates every poll at Debug; its warnings and errors are what an operator needs.
        .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
        // The host's own start-up lines (environment, content root) say nothing an operator can use.
        .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Warning)
        .Enrich.WithProperty("Application", "drills")
        // Secrets are masked before any sink (RedactingSink); container output otherwise stays whole in the file.
        .WriteTo.Sink(LoggerSinkConfiguration.Wrap(file => new RedactingSink(file), writeTo => writeTo.File(
            new CompactJsonFormatter(), Path.Combine(logFolder, "drills-.clef"),
            rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, shared: true)))
        // Container output reaches the terminal only through the sanitising sink.
        .WriteTo.Sink(LoggerSinkConfiguration.Wrap(console => new RedactingSink(new TerminalSafeSink(console)), writeTo => writeTo.Console(
                standardErrorFromLevel: LogEventLevel.Verbose,
                // No {Exception}: the terminal gets the message; stack traces stay in the file log.
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)),
            // A service's console is its log (journald, docker logs): it shows what happens, not only errors.
            restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : service ? LogEventLevel.Information : LogEventLevel.Error)
        .CreateLogger();
}
