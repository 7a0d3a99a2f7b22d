using Drills.Orchestrator.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Drills.Orchestrator.Tests.Orchestrator.Logging;

public sealed class TerminalTextTests
{
    private const string Retitle = "\u001b]0;pwned\u0007";
    private static readonly string[] Lines = ["ok\rX"];

    [Fact]
    public void A_title_escape_from_a_container_shows_as_visible_signs()
    {
        Assert.Equal("␛]0;pwned␇ done", TerminalText.Neutralise(Retitle + " done"));
    }

    [Fact]
    public void A_carriage_return_cannot_overwrite_the_line_before_it()
    {
        Assert.Equal("attack started␍restored OK   ", TerminalText.Neutralise("attack started\rrestored OK   "));
    }

    [Fact]
    public void Newlines_tabs_and_windows_line_ends_stay_line_breaks()
    {
        Assert.Equal("a\tb\nc\nd", TerminalText.Neutralise("a\tb\r\nc\nd"));
    }

    [Fact]
    public void Delete_and_C1_controls_show_as_visible_text()
    {
        Assert.Equal("␡\\x9b2J ok", TerminalText.Neutralise("\u007f\u009b2J ok"));
    }

    [Fact]
    public void Plain_text_and_other_languages_pass_unchanged()
    {
        const string text = "Cổng dịch vụ công — ✔ passed";

        Assert.Same(text, TerminalText.Neutralise(text));
    }

    [Fact]
    public void Log_lines_reach_the_console_neutralised_in_every_property()
    {
        var console = new Captured();
        using var log = new LoggerConfiguration().WriteTo.Sink(new TerminalSafeSink(console)).CreateLogger();

        log.Warning("Exec {Output} {Lines} {Result} {@Structured}", Retitle, Lines, new { Stderr = "\u001b[2J" }, new { Stdout = "\u001b[1A" });

        var properties = console.Events.Single().Properties;
        Assert.Equal("\"␛]0;pwned␇\"", properties["Output"].ToString());
        Assert.Equal("[\"ok␍X\"]", properties["Lines"].ToString());
        Assert.Equal("\"{ Stderr = ␛[2J }\"", properties["Result"].ToString());
        Assert.Equal("{ Stdout: \"␛[1A\" }", properties["Structured"].ToString());
    }

    private sealed class Captured : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
