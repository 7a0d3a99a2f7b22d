using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Operational logs: compact JSON to a rolling file under the data directory (for SIEM ingestion),
/// and warnings (or everything with --verbose) to stderr. The drill journal is separate: it is the record.
/// </summary>
internal static class LogSetup
{
    public static ILogger Create(string logFolder, bool verbose) => new LoggerConfiguration()
        .MinimumLevel.Debug()
        .Enrich.WithProperty("Application", "drills")
        .WriteTo.File(new CompactJsonFormatter(), Path.Combine(logFolder, "drills-.clef"),
            rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31, shared: true)
        .WriteTo.Console(
            restrictedToMinimumLevel: verbose ? LogEventLevel.Debug : LogEventLevel.Error,
            standardErrorFromLevel: LogEventLevel.Verbose,
            // No {Exception}: the terminal gets the message; stack traces stay in the file log.
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}",
            formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .CreateLogger();
}
