namespace Drills.Scenarios.Steps;

/// <summary>
/// A step kind the format defines: which list it belongs in, and, for kinds this version does not
/// perform, what to write instead.
/// </summary>
internal sealed record StepKind(string Name, StepPhases Phases, string? Instead = null)
{
    public bool IsSupported => Instead is null;

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
        new("disconnect-network", StepPhases.Attack, "use 'stop' or 'pause' to take the system offline"),
        new("exhaust", StepPhases.Attack, "use 'exec' to run a load command inside the target, or 'pause'"),
        new("corrupt-config", StepPhases.Attack, "use 'deface' to overwrite the file, or 'exec' to alter it"),
        new("exec", StepPhases.Both),
        new("restart", StepPhases.Restore),
        new("start", StepPhases.Restore),
        new("unpause", StepPhases.Restore),
        new("redeploy", StepPhases.Restore),
        new("restore-backup", StepPhases.Restore),
        new("reconnect-network", StepPhases.Restore, "use 'start', 'unpause' or 'restart' to bring the system back"),
        new("wait", StepPhases.Restore),
        new("manual", StepPhases.Restore),
    ];

    public static StepKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);
}
