namespace Drills.Scenarios.RunRecords;

/// <summary>How a drill ended. The CLI's exit code follows from it.</summary>
internal enum RunOutcome
{
    /// <summary>Still running, or interrupted before it could record an end.</summary>
    Running,

    /// <summary>Recovered and verified within the target.</summary>
    Passed,

    /// <summary>Completed, but missed the target or failed verification.</summary>
    Failed,

    /// <summary>Stopped by a stop condition or an error; the target was rolled back.</summary>
    Aborted,

    /// <summary>A scheduled fire that did not run (missed while the service was down, or its scenario was still running); nothing was touched.</summary>
    Skipped,
}
