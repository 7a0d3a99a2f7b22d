using Drills.Orchestrator.Cli;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

public sealed class ProgressPrinterTests
{
    [Fact]
    public void Container_output_in_a_progress_line_cannot_retitle_the_terminal_or_overwrite_the_line()
    {
        var output = new StringWriter();
        var printer = new ProgressPrinter(Terminal.Create(output, redirected: true));

        printer.Report(new JournalEvent(3, JournalMark.StepFinished, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1.5),
            "Step exec finished\u001b]0;pwned\u0007", "stderr: psql failed\r\u001b[1A\u001b[2KRECOVERED"));

        // Spectre's own colours are escape sequences too; none of the container's may get through.
        var line = output.ToString();
        Assert.DoesNotContain("\u001b]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[1A", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2K", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', line);
        Assert.DoesNotContain('\r', line);
        Assert.Contains("Step exec finished␛]0;pwned␇", line, StringComparison.Ordinal);
        Assert.Contains("psql failed␍␛[1A␛[2KRECOVERED", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_observation_is_shortened_but_keeps_its_note_that_the_output_was_cut()
    {
        var output = new StringWriter();
        var console = Terminal.Create(output, redirected: true);
        console.Profile.Width = 1000;
        var printer = new ProgressPrinter(console);

        printer.Report(new JournalEvent(4, JournalMark.StepFinished, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2),
            "attack 1: exec done in 3s", "exit 0: " + new string('x', 400) + " [cut after 1 MiB of 95.4 MiB]"));

        Assert.Contains("x... [cut after 1 MiB of 95.4 MiB]", output.ToString(), StringComparison.Ordinal);
    }
}
