namespace Drills.Scenarios.Runs;

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
}
