using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Engine;

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
