using Drills.Scenarios.Text;

namespace Drills.Scenarios.Steps;

/// <summary>Restart the container (start it if stopped).</summary>
internal sealed record RestartStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "restart";
}

/// <summary>Start a stopped container.</summary>
internal sealed record StartStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "start";
}

/// <summary>Resume a paused container.</summary>
internal sealed record UnpauseStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "unpause";
}

/// <summary>Recreate the container from its declared image and settings.</summary>
internal sealed record RedeployStep(SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "redeploy";
}

/// <summary>Which backup a restore-backup step uses.</summary>
internal enum BackupSource
{
    /// <summary>The snapshot the drill took at baseline.</summary>
    Baseline,

    /// <summary>
    /// The newest intact agency backup of the system, checksum verified before use; for a system that declares
    /// no <c>backup</c>, the drill's own baseline snapshot (and the report says so).
    /// </summary>
    Latest,

    /// <summary>One agency backup named by its id.</summary>
    Id,
}

/// <summary>What a restore does when the backup it asked for fails its checksum or is gone.</summary>
internal enum BackupFallback
{
    /// <summary>Refuse: the step fails and names the backup (the default).</summary>
    None,

    /// <summary>Use the next older intact backup, or the offline copy of the same one, and record which was used.</summary>
    NextIntact,
}

/// <summary>
/// Restore the data from a backup, verified by checksum before use. For a files backup everything under the
/// data paths is replaced, so files the attack added are gone too; an exec backup is fed to the system's load command.
/// </summary>
internal sealed record RestoreBackupStep(BackupSource Source, SourceLocation Location) : StepDefinition(Location)
{
    /// <summary>The backup named when <see cref="Source"/> is <see cref="BackupSource.Id"/>; null otherwise.</summary>
    public string? BackupId { get; init; }

    public BackupFallback Fallback { get; init; } = BackupFallback.None;

    public override string Kind => "restore-backup";

    public override string Describe() =>
        $"restore-backup {(Source is BackupSource.Id ? BackupId : Source.ToString().ToLowerInvariant())}" +
        (Fallback is BackupFallback.NextIntact ? " (fallback: next intact)" : "");
}

/// <summary>Reconnect the container to a network it was cut from (the system's own network unless named).</summary>
internal sealed record ReconnectNetworkStep(string? Network, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "reconnect-network";
    public override string Describe() => Network is null ? "reconnect-network" : $"reconnect-network {Network}";
}

/// <summary>Wait a fixed time (for example for a service's own recovery).</summary>
internal sealed record WaitStep(TimeSpan Duration, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "wait";
    public override string Describe() => $"wait {Durations.DurationText.Format(Duration)}";
}

/// <summary>
/// A human step (restore DNS by hand, call the vendor): the drill waits until an operator confirms it,
/// with the clock running; or, when manual steps are simulated, counts <see cref="Expected"/> as declared time.
/// </summary>
internal sealed record ManualStep(string Title, TimeSpan Expected, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "manual";
    public override string Describe() => $"manual: {Title} (expected {Durations.DurationText.Format(Expected)})";
}
