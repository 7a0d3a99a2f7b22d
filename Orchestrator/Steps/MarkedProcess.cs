namespace Drills.Orchestrator.Steps;

/// <summary>A process inside a target, as its /proc entry shows it: id, parent and arguments.</summary>
internal sealed record MarkedProcess(int Pid, int ParentPid, IReadOnlyList<string> Arguments)
{
    public string CommandLine => string.Join(' ', Arguments);
}
