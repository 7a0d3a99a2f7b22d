namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>Tests that run the CLI in this process and read what it prints: the console is one per process, so they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>Stdout and stderr of the CLI run in-process, restored when disposed.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public ConsoleCapture()
    {
        Console.SetOut(_stdout);
        Console.SetError(_stderr);
    }

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }
}
