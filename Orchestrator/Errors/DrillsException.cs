namespace Drills.Orchestrator.Errors;

/// <summary>
/// A problem a user can cause or fix — bad input, the environment, a refused target — with the exit code it
/// stands for and what to do about it. Every such error derives from this one type, so the command line
/// maps them in one place and prints them without a stack trace.
/// </summary>
internal abstract class DrillsException : Exception
{
    protected DrillsException(int exitCode, string problem, string fix, Exception? inner = null)
        : base(fix.Length == 0 ? problem.Trim() : $"{problem.Trim()} Fix: {fix}", inner)
    {
        ExitCode = exitCode;
        Problem = problem.Trim();
        Fix = fix;
    }

    /// <summary>The exit code the CLI ends with (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>What went wrong, without the fix.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it; empty when there is nothing to do.</summary>
    public string Fix { get; }
}
