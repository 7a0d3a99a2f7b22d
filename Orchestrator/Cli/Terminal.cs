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
        Human = Create(json ? Console.Error : Console.Out, json ? Console.IsErrorRedirected : Console.IsOutputRedirected);
        Errors = Create(Console.Error, Console.IsErrorRedirected);
    }

    /// <summary>
    /// A console for one stream. Redirected output (a log file, CI) gets a wide fixed width so
    /// lines are not wrapped mid-path and scripts can grep them.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    public bool Json { get; }

    /// <summary>Tables and summaries: stdout, or stderr under --json.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>Progress, warnings and errors: always stderr.</summary>
    public IAnsiConsole Errors { get; }
}
