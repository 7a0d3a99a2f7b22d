using Drills.Orchestrator.Cli;
using Spectre.Console;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

public sealed class TerminalTests
{
    [Fact]
    public void Redirected_output_gets_a_fixed_size_without_asking_the_terminal()
    {
        var console = Terminal.Create(new StringWriter(), redirected: true);

        Assert.Equal(Terminal.RedirectedWidth, console.Profile.Width);
        Assert.Equal(Terminal.RedirectedHeight, console.Profile.Height);
    }

    [Fact]
    public void A_table_written_to_a_file_is_as_wide_as_before_and_not_wrapped()
    {
        var output = new StringWriter();
        var console = Terminal.Create(output, redirected: true);
        var cell = new string('x', 120);

        console.Write(new Table().AddColumn("Report").AddRow(cell));

        Assert.Contains(output.ToString().Split('\n'), line => line.Contains(cell, StringComparison.Ordinal));
    }
}
