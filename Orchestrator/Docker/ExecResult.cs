namespace Drills.Orchestrator.Docker;

/// <summary>What a command run inside a container returned.</summary>
internal sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Stdout then stderr, trimmed and cut to 200 characters: what a journal line or an error quotes.</summary>
    public string ShortOutput()
    {
        var output = (Stdout + Stderr).Trim();
        return output.Length > 200 ? output[..197] + "..." : output;
    }
}
