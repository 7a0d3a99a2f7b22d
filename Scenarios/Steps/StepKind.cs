namespace Drills.Scenarios.Steps;

/// <summary>A step kind the format defines, and which list it belongs in.</summary>
internal sealed record StepKind(string Name, StepPhases Phases)
{
    /// <summary>Every kind of format v1, in the order the format page lists them.</summary>
    public static IReadOnlyList<StepKind> All { get; } =
    [
        new("kill", StepPhases.Attack),
        new("stop", StepPhases.Attack),
        new("pause", StepPhases.Attack),
        new("remove", StepPhases.Attack),
        new("encrypt-files", StepPhases.Attack),
        new("delete-files", StepPhases.Attack),
        new("deface", StepPhases.Attack),
        new("disconnect-network", StepPhases.Attack),
        new("exhaust", StepPhases.Attack),
        new("corrupt-config", StepPhases.Attack),
        new("delete-backups", StepPhases.Attack),
        new("exec", StepPhases.Both),
        new("restart", StepPhases.Restore),
        new("start", StepPhases.Restore),
        new("unpause", StepPhases.Restore),
        new("redeploy", StepPhases.Restore),
        new("restore-backup", StepPhases.Restore),
        new("reconnect-network", StepPhases.Restore),
        new("wait", StepPhases.Restore),
        new("manual", StepPhases.Restore),
    ];

    public static StepKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);
}
