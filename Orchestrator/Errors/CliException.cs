namespace Drills.Orchestrator.Errors;

/// <summary>A user-caused problem the CLI reports as one clear message and an exit code, never a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message) : base(message) => ExitCode = exitCode;

    public int ExitCode { get; }
}
