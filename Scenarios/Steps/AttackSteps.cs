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

/// <summary>Cut the container from a network (the system's own network unless named).</summary>
internal sealed record DisconnectNetworkStep(string? Network, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "disconnect-network";
    public override string Describe() => Network is null ? "disconnect-network" : $"disconnect-network {Network}";
}

/// <summary>
/// Resource pressure inside the target: <see cref="Cpu"/> busy workers and/or <see cref="MemoryBytes"/> held,
/// for <see cref="For"/> at most; always released when it ends, when the drill ends and after a crash.
/// </summary>
internal sealed record ExhaustStep(int Cpu, long MemoryBytes, TimeSpan For, SourceLocation Location) : StepDefinition(Location)
{
    /// <summary>At most 16 busy workers: enough to starve any sample system, bounded so a typo cannot hang the host.</summary>
    public const int MaxCpu = 16;

    /// <summary>At most 4 GiB held.</summary>
    public const long MaxMemoryBytes = 4L * 1024 * 1024 * 1024;

    public static TimeSpan DefaultFor { get; } = TimeSpan.FromSeconds(30);

    public override string Kind => "exhaust";

    public override string Describe() =>
        $"exhaust {string.Join(", ", new[] { Cpu > 0 ? $"cpu {Cpu}" : null, MemoryBytes > 0 ? $"memory {MemoryBytes / 1024 / 1024} MiB" : null }.OfType<string>())} for {Durations.DurationText.Format(For)}";
}

/// <summary>Corrupt a configuration file: replace its content, or append to it. Its original is kept and put back by rollback.</summary>
internal sealed record CorruptConfigStep(string Path, string? Content, string? Append, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "corrupt-config";
    public override string Describe() => Append is null ? $"corrupt-config {Path} (overwrite)" : $"corrupt-config {Path} (append)";
}

/// <summary>T1490: destroy every backup copy the target can reach (its backup share); the offline copy is out of reach.</summary>
internal sealed record DeleteBackupsStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "delete-backups";
}
