using Drills.Scenarios.Loading;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>How user-caused errors look on the terminal: place, problem, fix.</summary>
internal static class CliErrors
{
    public static void PrintCatalogueErrors(IAnsiConsole console, IReadOnlyList<CatalogueError> errors)
    {
        foreach (var error in errors)
        {
            console.MarkupLine($"[bold]{TerminalMarkup.Escape(error.Location.ToString())}[/]: [red]error:[/] {TerminalMarkup.Escape(error.Message)}");
            console.MarkupLine($"    [green]fix:[/] {TerminalMarkup.Escape(error.Fix)}");
        }

        console.MarkupLine($"[red]{errors.Count} error(s).[/] Nothing was run and no container was touched.");
    }

    public static void Print(IAnsiConsole console, string message) =>
        console.MarkupLine($"[red]error:[/] {TerminalMarkup.Escape(message)}");

    /// <summary>A problem and, on the line below, its fix, as catalogue errors print them.</summary>
    public static void Print(IAnsiConsole console, string problem, string fix)
    {
        Print(console, problem);
        if (fix.Length > 0)
        {
            console.MarkupLine($"    [green]fix:[/] {TerminalMarkup.Escape(fix)}");
        }
    }
}
