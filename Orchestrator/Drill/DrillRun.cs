using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Drill;

/// <summary>
/// What one run accumulates while it goes. Mutable on purpose and private to the engine: the outside
/// world only ever sees the immutable <see cref="RunRecord"/> it produces.
/// </summary>
internal sealed class DrillRun
{
    private readonly List<StepResult> _steps = [];
    private readonly List<CheckObservation> _baseline = [];
    private readonly List<RestoredBackup> _restored = [];

    public DrillRun(string runId, DrillCatalogue catalogue, ScenarioDefinition scenario, SystemDefinition system, DrillClock clock)
    {
        (RunId, Catalogue, Scenario, System, Clock) = (runId, catalogue, scenario, system, clock);
    }

    public string RunId { get; }
    public DrillCatalogue Catalogue { get; }
    public ScenarioDefinition Scenario { get; }
    public SystemDefinition System { get; }
    public DrillClock Clock { get; }
    public RunOrigin Origin { get; init; } = RunOrigin.OnDemand;

    /// <summary>People named on the command line (<c>--participant</c>), after the scenario's own.</summary>
    public IReadOnlyList<string> ExtraParticipants { get; init; } = [];

    /// <summary>The bounds of this run, stored with its record so a crash recovery uses them too.</summary>
    public required RunLimits Limits { get; init; }
    public string? ImageDigest { get; set; }
    public bool AttackStarted { get; set; }
    public TimeSpan? AttackStartedAt { get; set; }
    public TimeSpan? ImpactAt { get; set; }
    public TimeSpan? RecoveredAt { get; set; }
    public bool Verified { get; set; }
    public string? AbortReason { get; set; }
    public bool RolledBack { get; set; }

    /// <summary>
    /// The quiesce 'after' command did not resume the system, which may be left stopped: the drill rolls it
    /// back though nothing was attacked.
    /// </summary>
    public bool QuiesceUnresumed { get; set; }

    /// <summary>
    /// The canary wrote markers into the target: the drill changed its data before any attack, so an abort before T0
    /// still rolls it back.
    /// </summary>
    public bool CanaryWrote { get; set; }

    /// <summary>The data lost, measured with the system's canary after a verified recovery; null when not measured.</summary>
    public DataLoss? DataLoss { get; set; }

    /// <summary>The backups the restore-backup steps used, in order: the last one holds the data the system came back with.</summary>
    public IReadOnlyList<RestoredBackup> RestoredFrom => RestoredSnapshot();

    /// <summary>The manual step the drill is waiting on, if any, so an abort can name it.</summary>
    public string? AwaitingOperator { get; set; }

    public TimeSpan DeclaredManualTime => ManualOutcome.DeclaredIn(StepsSnapshot());

    /// <summary>The recovery watch's observations, read when a record is made: a checkpoint (and a crash report) has them too.</summary>
    public Func<IReadOnlyList<CheckObservation>>? Observations { get; set; }

    /// <summary>The probe round that established the baseline: the raw evidence behind "all checks pass".</summary>
    public void AddBaseline(IEnumerable<CheckObservation> observations)
    {
        lock (_steps)
        {
            _baseline.AddRange(observations);
        }
    }

    public void AddStep(StepResult step)
    {
        lock (_steps)
        {
            _steps.Add(step);
        }
    }

    /// <summary>Which backup and copy a restore-backup step used (the drill's own snapshot included).</summary>
    public void AddRestored(RestoredBackup restored)
    {
        lock (_steps)
        {
            _restored.Add(restored);
        }
    }

    /// <summary>T0 in UTC: when the attack started; null before it.</summary>
    public DateTimeOffset? AttackStartedAtUtc => AttackStartedAt is { } t0 ? Clock.UtcAt(t0) : null;

    public RunRecord ToRecord(RunOutcome outcome) => RunHeader.Of(RunId, Catalogue, Scenario, System, Clock.StartedAtUtc, outcome) with
    {
        ImageDigest = ImageDigest,
        EndedAtUtc = outcome is RunOutcome.Running ? null : Clock.UtcAt(Clock.Elapsed),
        RecoveryTime = RecoveredAt - AttackStartedAt,
        ImpactObserved = ImpactAt is not null,
        TimeToImpact = ImpactAt - AttackStartedAt,
        VerificationPassed = Verified,
        AbortReason = AbortReason,
        RolledBack = RolledBack,
        Origin = Origin,
        Participants = Scenario.Participants.Concat(ExtraParticipants).Distinct(StringComparer.Ordinal).ToArray(),
        StartedBy = RunStarter.Of(Origin, Scenario.Id),
        Owner = RunOwners.Current,
        Limits = Limits,
        Steps = StepsSnapshot(),
        RestoredFrom = RestoredSnapshot(),
        DataLoss = DataLoss,
        Checks = BaselineSnapshot().Concat(Observations?.Invoke() ?? []).ToArray(),
    };

    private CheckObservation[] BaselineSnapshot()
    {
        lock (_steps)
        {
            return _baseline.ToArray();
        }
    }

    private RestoredBackup[] RestoredSnapshot()
    {
        lock (_steps)
        {
            return _restored.ToArray();
        }
    }

    private StepResult[] StepsSnapshot()
    {
        lock (_steps)
        {
            return _steps.ToArray();
        }
    }
}
