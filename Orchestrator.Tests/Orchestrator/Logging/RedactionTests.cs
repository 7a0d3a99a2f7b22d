using System.Security.Cryptography;
using Drills.Orchestrator.Logging;
using Drills.Scenarios.Text;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Tests.Orchestrator.Logging;

/// <summary>Where text leaves the process (log sinks, stdout and stderr), a secret is masked.</summary>
public sealed class RedactionTests
{
    private static readonly string Secret = Register();

    [Fact]
    public void A_secret_written_in_pieces_to_the_terminal_is_masked_whole()
    {
        var output = new StringWriter();
        using (var writer = new RedactingWriter(output))
        {
            writer.Write("value: " + Secret[..5]);
            writer.Write(Secret[5..]);
            writer.WriteLine(" end");
            writer.Write("tail " + Secret);
        }

        Assert.Equal("value: *** end" + Environment.NewLine + "tail ***", output.ToString());
    }

    [Fact]
    public void A_secret_in_a_log_property_or_exception_is_masked_before_the_sink()
    {
        var seen = new List<LogEvent>();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new RedactingSink(new Collecting(seen))).CreateLogger();

        logger.Error(new InvalidOperationException("failed with " + Secret), "Ran {Command}: {Output}", new[] { "echo", Secret }, "out " + Secret);

        var logged = Assert.Single(seen);
        var text = logged.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + logged.Properties["ExceptionText"];
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("out ***", text, StringComparison.Ordinal);
        Assert.Contains("failed with ***", text, StringComparison.Ordinal);
        Assert.Null(logged.Exception);
    }

    private static string Register()
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Secrets.Register(secret);
        return secret;
    }

    private sealed class Collecting(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
