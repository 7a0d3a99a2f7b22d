using Drills.Scenarios.Text;

namespace Drills.Scenarios.Steps;

/// <summary>Send a signal to the container's main process (default SIGKILL).</summary>
internal sealed record KillStep(string Signal, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "kill";
    public override string Describe() => $"kill ({Signal})";
}

/// <summary>Stop the container gracefully.</summary>
internal sealed record StopStep(TimeSpan Timeout, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "stop";
}

/// <summary>Freeze every process in the container.</summary>
internal sealed record PauseStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "pause";
}

/// <summary>Delete the container (its named volumes stay).</summary>
internal sealed record RemoveStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "remove";
}

/// <summary>Ransomware simulation: encrypt file contents with a throw-away key, rename, drop a note.</summary>
internal sealed record EncryptFilesStep(IReadOnlyList<string> Paths, string Note, string Extension, SourceLocation Location)
    : StepDefinition(Location)
{
    public override string Kind => "encrypt-files";
    public override string Describe() => $"encrypt-files {string.Join(", ", Paths)}";
}

/// <summary>Wiper: delete everything under the paths.</summary>
internal sealed record DeleteFilesStep(IReadOnlyList<string> Paths, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "delete-files";
    public override string Describe() => $"delete-files {string.Join(", ", Paths)}";
}

/// <summary>Defacement: replace one file's content.</summary>
internal sealed record DefaceStep(string Path, string Content, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "deface";
    public override string Describe() => $"deface {Path}";
}

/// <summary>Any command inside the target; allowed in attack and restore lists.</summary>
internal sealed record ExecStep(IReadOnlyList<string> Command, int ExpectExitCode, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "exec";
    public override string Describe() => $"exec {string.Join(' ', Command)}";
}

/// <summary>
/// A step kind the format defines but this orchestrator does not perform yet
/// (disconnect-network, exhaust, corrupt-config, reconnect-network).
/// The validator refuses a scenario that uses one, so it never half-runs.
/// </summary>
internal sealed record UnsupportedStep(string KindName, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => KindName;
}
