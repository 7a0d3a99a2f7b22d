namespace Drills.Scenarios.RunRecords;

/// <summary>The kinds of event a drill journal records. The first six are the marks the format defines.</summary>
internal enum JournalMark
{
    Started,
    Baseline,
    AttackStart,
    Impact,
    RestoreStart,
    RestoreEnd,
    Recovered,
    StepStarted,
    StepFinished,
    CheckObserved,
    Backup,
    Rollback,
    Aborted,
    Finished,
    Note,

    /// <summary>A manual step began waiting for its operator's confirmation (the clock keeps running).</summary>
    ManualWaiting,

    /// <summary>An operator confirmed a manual step.</summary>
    ManualConfirmed,

    /// <summary>A quiesce command (before or after the baseline snapshot) ran inside the target.</summary>
    Quiesce,
}
