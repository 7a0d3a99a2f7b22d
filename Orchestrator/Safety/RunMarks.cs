namespace Drills.Orchestrator.Safety;

/// <summary>
/// How drills marks what it creates for one run, so the cleanup scan after the run finds it: containers and
/// networks carry a label, processes inside a target a word in their argv, temp files one folder.
/// </summary>
internal static class RunMarks
{
    /// <summary>The label every helper container or network of a run carries, valued with the run id.</summary>
    public const string Label = "drills.run";

    /// <summary>The environment variable holding the run id in every exec step, so a command can mark what it starts.</summary>
    public const string RunIdVariable = "DRILLS_RUN_ID";

    /// <summary>The word in the argv of every process drills starts inside a target for the run (found via /proc/*/cmdline).</summary>
    public static string Process(string runId) => $"drills-run-{runId}";

    /// <summary>The folder inside a target that holds the run's temp files.</summary>
    public static string TempFolder(string runId) => $"/tmp/drills-run-{runId}";
}
