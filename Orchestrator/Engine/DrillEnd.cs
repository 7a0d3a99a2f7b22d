using Drills.Orchestrator.Errors;

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

/// <summary>The exit code a drill's end stands for.</summary>
internal static class DrillEndExitCodes
{
    public static int ExitCode(this DrillEnd end) => end switch
    {
        DrillEnd.Passed => ExitCodes.Passed,
        DrillEnd.MissedTarget or DrillEnd.VerificationFailed => ExitCodes.Failed,
        DrillEnd.NotStarted => ExitCodes.Environment,
        _ => ExitCodes.Aborted,
    };
}

/// <summary>The record of a run plus how it ended.</summary>
internal sealed record DrillResult(Scenarios.RunRecords.RunRecord Record, DrillEnd End, Exception? Cause = null);
