using Drills.Orchestrator.Service;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

/// <summary>Each fire says when it was due and when the scheduler fired it, so its lateness is read from the log.</summary>
public sealed class FireTimingTests
{
    [Fact]
    public void Fire_logs_its_due_and_fired_times_and_how_late_it_was()
    {
        var due = new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero);
        var timing = new FireTiming("portal-kill", due, due.AddMilliseconds(250), due.AddMilliseconds(260));
        List<LogEvent> events = [];
        using (var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new Collecting(events)).CreateLogger())
        {
            timing.Log(log);
        }

        var logged = Assert.Single(events);
        Assert.Equal(TimeSpan.FromMilliseconds(250), timing.Lateness);
        Assert.Equal(LogEventLevel.Debug, logged.Level);
        Assert.Equal(due, ((ScalarValue)logged.Properties["Due"]).Value);
        Assert.Equal(due.AddMilliseconds(250), ((ScalarValue)logged.Properties["Fired"]).Value);
        Assert.Equal(250d, ((ScalarValue)logged.Properties["LatenessMs"]).Value);
        Assert.Contains("portal-kill", logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private sealed class Collecting(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
