using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// The two output streams. Human output (progress, tables, errors) goes to stderr when stdout is
/// reserved for JSON, so `drills run --json | jq` always sees exactly one object.
/// </summary>
internal sealed class Terminal
{
    public const int RedirectedWidth = 160;

    /// <summary>Spectre's own default height: nothing drills prints to a file depends on it.</summary>
    public const int RedirectedHeight = 24;

    // Most commands never print an error: the console for them is made when one is printed.
    private readonly Lazy<IAnsiConsole> _errors;

    public Terminal(bool json)
    {
        Json = json;
        Human = Create(json ? Console.Error : Console.Out, json ? Console.IsErrorRedirected : Console.IsOutputRedirected);
        _errors = new Lazy<IAnsiConsole>(() => Create(Console.Error, Console.IsErrorRedirected));
    }

    /// <summary>
    /// A console for one stream. Redirected output (a log file, CI) gets a wide fixed width so
    /// lines are not wrapped mid-path and scripts can grep them, and a fixed height: asking the terminal
    /// for a size it does not have would load its terminfo database for nothing.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
            console.Profile.Height = RedirectedHeight;
        }

        return console;
    }

    public bool Json { get; }

    /// <summary>Tables and summaries: stdout, or stderr under --json.</summary>
    public IAnsiConsole Human { get; }

    /// <summary>Progress, warnings and errors: always stderr.</summary>
    public IAnsiConsole Errors => _errors.Value;
}
