namespace Drills.Orchestrator.Engine;

/// <summary>What an operator allowed for an interrupted run (<c>drills recover</c>); automatic recovery asks for nothing.</summary>
internal enum RecoveryConsent
{
    /// <summary>Crash recovery on its own: a baseline that may be out of date is not restored, the run waits for an operator.</summary>
    Automatic,

    /// <summary>The operator confirmed restoring the run's baseline although it may be out of date.</summary>
    RestoreBaseline,

    /// <summary>The operator repaired the system: close the run after the container runs and passes its checks, data left as it is.</summary>
    KeepData,
}
