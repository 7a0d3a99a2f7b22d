namespace Drills.Orchestrator.Errors;

/// <summary>
/// A problem a user can cause or fix — bad input, the environment, a refused target — with the exit code it
/// stands for and what to do about it. Every such error derives from this one type, so the command line
/// maps them in one place and prints them without a stack trace.
/// </summary>
internal abstract class DrillsException : Exception
{
    protected DrillsException(int exitCode, string problem, string fix, Exception? inner = null)
        : base(Compose(problem, fix), inner)
    {
        ExitCode = exitCode;
        Problem = Sentence(problem);
        Fix = fix.Trim().TrimEnd('.');
    }

    /// <summary>The exit code the CLI ends with (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>What went wrong, as a sentence, without the fix.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it, without a final period; empty when there is nothing to do.</summary>
    public string Fix { get; }

    /// <summary>
    /// What an observation or an abort reason records: the problem alone for a drills error, whose fix is
    /// advice for the operator and not part of what was seen.
    /// </summary>
    public static string ProblemOf(Exception ex) => ex is DrillsException known ? known.Problem : ex.Message;

    private static string Compose(string problem, string fix)
    {
        var advice = fix.Trim().TrimEnd('.');
        return advice.Length == 0 ? Sentence(problem) : $"{Sentence(problem)} Fix: {advice}.";
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '?' or '!' ? trimmed : trimmed + ".";
    }
}
