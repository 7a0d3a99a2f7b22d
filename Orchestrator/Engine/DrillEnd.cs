namespace Drills.Orchestrator.Engine;

/// <summary>Why a drill ended; the CLI's exit code follows from it.</summary>
internal enum DrillEnd
{
    Passed,
    MissedTarget,
    VerificationFailed,
    StopCondition,
    StepError,
    Cancelled,

    /// <summary>Refused or unable to start (foreign container, missing image, engine down, unhealthy baseline); nothing was attacked.</summary>
    NotStarted,
}

/// <summary>The record of a run plus how it ended.</summary>
internal sealed record DrillResult(Scenarios.RunRecords.RunRecord Record, DrillEnd End, Exception? Cause = null);
