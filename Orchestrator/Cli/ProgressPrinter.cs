using Drills.Scenarios.Runs;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>Prints each journal event the moment it is recorded, so an officer watches the drill live.</summary>
internal sealed class ProgressPrinter(IAnsiConsole console) : IProgress<JournalEvent>
{
    public void Report(JournalEvent value)
    {
        var (label, colour) = Style(value.Mark);
        var detail = value.Detail is null ? "" : $" [grey]— {Markup.Escape(OneLine(value.Detail))}[/]";
        console.MarkupLine($"[grey]{value.Elapsed.TotalSeconds,8:0.00}s[/] [{colour}]{label,-9}[/] {Markup.Escape(OneLine(value.Message))}{detail}");
    }

    /// <summary>Command output (a psql error, say) can span lines; progress stays one line per event.</summary>
    private static string OneLine(string text)
    {
        var line = string.Join(" ⏎ ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 200 ? line : line[..197] + "...";
    }

    private static (string Label, string Colour) Style(JournalMark mark) => mark switch
    {
        JournalMark.Baseline => ("baseline", "green"),
        JournalMark.AttackStart => ("ATTACK", "red bold"),
        JournalMark.Impact => ("impact", "red"),
        JournalMark.RestoreStart or JournalMark.RestoreEnd => ("restore", "yellow"),
        JournalMark.Recovered => ("RECOVERED", "green bold"),
        JournalMark.StepStarted or JournalMark.StepFinished => ("step", "blue"),
        JournalMark.Rollback => ("rollback", "yellow"),
        JournalMark.Aborted => ("ABORTED", "red bold"),
        JournalMark.Finished => ("finished", "white"),
        _ => ("note", "grey"),
    };
}
