using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;
using Spectre.Console;
using static System.FormattableString;

namespace Drills.Orchestrator.Cli;

/// <summary>Prints each journal event the moment it is recorded, so an officer watches the drill live.</summary>
/// <param name="confirmOptions">Appended to the confirm command a waiting manual step shows, such as the run's --data-dir, so it can be pasted as is.</param>
internal sealed class ProgressPrinter(IAnsiConsole console, string confirmOptions = "") : IProgress<JournalEvent>
{
    public void Report(JournalEvent value)
    {
        var (label, colour) = Style(value.Mark);
        var detail = value.Detail is null ? "" : $" [grey]— {TerminalMarkup.Escape(OneLine(value.Detail))}[/]";
        console.MarkupLine(Invariant($"[grey]{value.Elapsed.TotalSeconds,8:0.00}s[/] [{colour}]{label,-9}[/] {TerminalMarkup.Escape(OneLine(value.Message))}{detail}"));
        if (value.Mark is JournalMark.ManualWaiting && value.Message.IndexOf("drills confirm ", StringComparison.Ordinal) is var at and >= 0)
        {
            // The operator needs this line, often in another terminal: it stands out and pastes as is.
            console.MarkupLine($"{"",10} [yellow bold]▶ when the step is done, run:[/] [bold]{TerminalMarkup.Escape(value.Message[at..] + confirmOptions)}[/]");
        }
    }

    /// <summary>Command output (a psql error, say) can span lines; progress stays one line per event,
    /// and a note that the output was cut (at its end) is kept when the line is shortened.</summary>
    private static string OneLine(string text)
    {
        var line = string.Join(" ⏎ ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var cut = line.LastIndexOf(OutputCut.Marker, StringComparison.Ordinal) is var at and >= 0 ? line[at..] : "";
        var body = line[..(line.Length - cut.Length)].TrimEnd();
        return line.Length <= 200 ? line : (body.Length <= 200 ? body : body[..197] + "...") + (cut.Length > 0 ? " " + cut : "");
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
        JournalMark.Quiesce => ("quiesce", "cyan"),
        JournalMark.ManualWaiting => ("OPERATOR", "yellow bold"),
        JournalMark.ManualConfirmed => ("confirmed", "green"),
        JournalMark.Aborted => ("ABORTED", "red bold"),
        JournalMark.Finished => ("finished", "white"),
        _ => ("note", "grey"),
    };
}
