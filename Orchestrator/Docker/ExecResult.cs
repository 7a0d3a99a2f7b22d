namespace Drills.Orchestrator.Docker;

/// <summary>What a command run inside a container returned.</summary>
internal sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}
