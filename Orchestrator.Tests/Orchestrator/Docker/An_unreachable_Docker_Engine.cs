using Drills.Orchestrator.Docker;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Tests.Orchestrator.Docker;

public sealed class An_unreachable_Docker_Engine
{
    private static readonly Uri Nowhere = new("unix:///tmp/nonexistent.sock");

    [Fact]
    public async Task Fails_ping_with_DockerUnavailableException_that_names_the_fix()
    {
        using var runtime = new DockerContainerRuntime(Logger.None, Nowhere, TimeProvider.System);

        var error = await Assert.ThrowsAsync<DockerUnavailableException>(
            () => runtime.PingAsync(TestEngine.Timeout(TimeSpan.FromSeconds(30))));

        Assert.Contains("/tmp/nonexistent.sock", error.Message);
        Assert.Contains("./drills setup", error.Message);
        Assert.Contains("DOCKER_HOST", error.Message);
    }

    [Fact]
    public async Task Fails_every_operation_the_same_way()
    {
        using var runtime = new DockerContainerRuntime(Logger.None, Nowhere, TimeProvider.System);

        await Assert.ThrowsAsync<DockerUnavailableException>(
            () => runtime.FindByNameAsync("drills-citizen-portal", TestEngine.Timeout(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task Logs_a_failed_call_with_how_long_it_took()
    {
        var events = new List<LogEvent>();
        using var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new Collecting(events)).CreateLogger();
        using var runtime = new DockerContainerRuntime(logger, Nowhere, TimeProvider.System);

        await Assert.ThrowsAsync<DockerUnavailableException>(
            () => runtime.FindByNameAsync("drills-citizen-portal", TestEngine.Timeout(TimeSpan.FromSeconds(30))));

        var failed = Assert.Single(events, e => e.MessageTemplate.Text.StartsWith("Could not", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Debug, failed.Level);
        var elapsed = Assert.IsType<TimeSpan>(Assert.IsType<ScalarValue>(failed.Properties["Elapsed"]).Value);
        Assert.True(elapsed >= TimeSpan.Zero);
    }

    private sealed class Collecting(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
