using Drills.Scenarios.Regulation;

namespace Drills.Scenarios.RunRecords;

/// <summary>
/// Everything a finished (or interrupted) drill run leaves behind: what was drilled, what happened
/// and what was measured. Reports are drawn from this alone.
/// </summary>
internal sealed record RunRecord
{
    public required string RunId { get; init; }
    public required string ScenarioId { get; init; }
    public required string ScenarioTitle { get; init; }
    public required string SystemId { get; init; }
    public required string SystemTitle { get; init; }
    public required string Agency { get; init; }
    public required int SecurityLevel { get; init; }
    public string? Technique { get; init; }
    public required string ContainerName { get; init; }
    public string? ImageDigest { get; init; }
    public required string CatalogueSha256 { get; init; }

    /// <summary>The catalogue's IANA time zone, so a report rendered later shows the same local times.</summary>
    public string? TimeZone { get; init; }
    public required DateTimeOffset StartedAtUtc { get; init; }
    public DateTimeOffset? EndedAtUtc { get; init; }
    public required RunOutcome Outcome { get; init; }

    /// <summary>Measured recovery time T1 − T0; null when the drill never recovered.</summary>
    public TimeSpan? RecoveryTime { get; init; }
    public required TimeSpan RtoTarget { get; init; }
    public bool ImpactObserved { get; init; }

    /// <summary>Time from T0 to the first failed check (detection); null without impact.</summary>
    public TimeSpan? TimeToImpact { get; init; }
    public bool VerificationPassed { get; init; }
    public string? AbortReason { get; init; }

    /// <summary>Why a scheduled fire did not run (outcome <see cref="RunOutcome.Skipped"/>).</summary>
    public string? SkipReason { get; init; }
    public bool RolledBack { get; init; }
    public string? ReportPath { get; init; }

    /// <summary>What started the run: on demand, or a scheduled fire with its fire time and any wait before it.</summary>
    public RunOrigin Origin { get; init; } = RunOrigin.OnDemand;

    /// <summary>The process that runs the drill, so a later start can tell a crashed run from one still going.</summary>
    public RunOwner? Owner { get; init; }

    /// <summary>
    /// Who started the run: <c>user:NAME</c> (the OS user of <c>drills run</c>) or <c>schedule:SCENARIO fire TIME</c>
    /// (a scheduled or catch-up fire); null for runs recorded before it was kept.
    /// </summary>
    public string? StartedBy { get; init; }

    /// <summary>The end of the run's hash-chained journal as the run store keeps it beside the run; null while nothing is chained.</summary>
    public ChainHead? ChainHead { get; init; }

    /// <summary>The bounds the run was drilled with; null for a skipped fire, and for runs recorded before limits were kept.</summary>
    public RunLimits? Limits { get; init; }

    /// <summary>What the system's security level asked when the drill ran (target, cadences); null for runs recorded before it was kept.</summary>
    public LevelPolicy? Level { get; init; }

    /// <summary>The decision that approved the system's security level, as the catalogue cited it.</summary>
    public ApprovalReference? Approval { get; init; }

    /// <summary>The system's owner as the catalogue named it: the default owner of corrective actions.</summary>
    public string? SystemOwner { get; init; }

    /// <summary>Who took part: the scenario's participants, then any named on the command line.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>What the drill set out to show, as the scenario states it.</summary>
    public IReadOnlyList<string> Objectives { get; init; } = [];

    /// <summary>The readiness gate as checked before the clock started; null for runs recorded before the gate existed.</summary>
    public Readiness? Readiness { get; init; }

    /// <summary>The backup each restore-backup step used; empty when the scenario restores none.</summary>
    public IReadOnlyList<RestoredBackup> RestoredFrom { get; init; } = [];

    /// <summary>The data lost, measured with the system's canary; null when not measured.</summary>
    public DataLoss? DataLoss { get; init; }

    /// <summary>What the cleanup scan after the run found and removed; null for runs recorded before it existed.</summary>
    public Cleanup? Cleanup { get; init; }

    public IReadOnlyList<JournalEvent> Journal { get; init; } = Array.Empty<JournalEvent>();
    public IReadOnlyList<StepResult> Steps { get; init; } = Array.Empty<StepResult>();
    public IReadOnlyList<CheckObservation> Checks { get; init; } = Array.Empty<CheckObservation>();

    /// <summary>Recovered within the target (false when not recovered), counting measured + declared manual time.</summary>
    public bool MetTarget => RecoveryTime is { } t && t + DeclaredManualTime <= RtoTarget;

    /// <summary>Declared, never measured: the expected durations of manual steps simulated with --simulate-manual. Not part of <see cref="RecoveryTime"/>.</summary>
    public TimeSpan DeclaredManualTime => ManualOutcome.DeclaredIn(Steps);
}
