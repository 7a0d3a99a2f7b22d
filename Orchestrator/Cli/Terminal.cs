using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// The two output streams. Human output (progress, tables, errors) goes to stderr when stdout is
/// reserved for JSON, so `drills run --json | jq` always sees exactly one object.
/// </summary>
internal sealed class Terminal
{
    public Terminal(bool json)
    {
        Json = json;
        Human = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(json ? Console.Error : Console.Out) });
        Errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    }

    public bool Json { get; }

    /// <summary>Tables and summaries: stdout, or stderr under --json.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>Progress, warnings and errors: always stderr.</summary>
    public IAnsiConsole Errors { get; }
}
