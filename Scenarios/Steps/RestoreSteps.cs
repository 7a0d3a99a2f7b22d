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

/// <summary>Which snapshot a restore-backup step uses.</summary>
internal enum BackupSource
{
    /// <summary>The snapshot the drill took at baseline.</summary>
    Baseline,

    /// <summary>The newest verified snapshot of the system (in v1: the drill's baseline).</summary>
    Latest,
}

/// <summary>
/// Restore the data paths from a snapshot, verified by checksum before use.
/// Everything under the data paths is replaced, so files the attack added are gone too.
/// </summary>
internal sealed record RestoreBackupStep(BackupSource Source, SourceLocation Location) : StepDefinition(Location)
{
    public override string Kind => "restore-backup";
    public override string Describe() => $"restore-backup {Source.ToString().ToLowerInvariant()}";
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
