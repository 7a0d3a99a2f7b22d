namespace Drills.Orchestrator.Steps;

/// <summary>
/// How drills marks what it leaves inside a target for a run, so a release or a cleanup scan finds it: every
/// process it starts has <c>drills-run-&lt;run id&gt;</c> as one word of its command line, and every temporary
/// file lives under <c>/tmp/drills-run-&lt;run id&gt;/</c>.
/// </summary>
internal static class RunMarker
{
    public static string Of(string runId) => "drills-run-" + runId;

    public static string TempFolder(string runId) => "/tmp/" + Of(runId);
}
