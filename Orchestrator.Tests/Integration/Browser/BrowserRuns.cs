using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Integration.Browser;

/// <summary>
/// Runs whose catalogue title and container output carry markup that would run script if it
/// reached the page as markup: a browser shows whether the report keeps it inert.
/// </summary>
internal static class BrowserRuns
{
    public const string ScriptTag = "<script>alert(1)</script>";
    public const string ImageTag = "<img src=x onerror=alert(1)>";

    private const string Injected = ScriptTag + " " + ImageTag;

    public static RunRecord Passed()
    {
        var run = SampleRuns.Passed();
        return run with
        {
            ScenarioTitle = $"Ransomware encrypts the portal's files {Injected}",
            Steps = [.. run.Steps, Exec(ok: true)],
        };
    }

    /// <summary>Recovered in 5 h against a 4 h target, with its restart step failing.</summary>
    public static RunRecord Failed() => Passed() with
    {
        Outcome = RunOutcome.Failed,
        RecoveryTime = TimeSpan.FromHours(5),
        Steps =
        [
            Exec(ok: false),
            new("restore", 2, "restart", "Restart the container", false, TimeSpan.FromSeconds(2), TimeSpan.FromHours(5), "exit 137"),
        ],
    };

    /// <summary>Data loss beyond its rpo_target, with markup in the canary markers' names and in what cleanup left behind.</summary>
    public static RunRecord WithDataLoss() => RecoveryRuns.LossMissed() with
    {
        DataLoss = RecoveryRuns.Loss(RecoveryRuns.Markers(lostBeforeBackup: 1, failedWrites: 1, prefix: Injected + " "), rpoSeconds: 0.5),
        Cleanup = new([Injected], []),
    };

    private static StepResult Exec(bool ok) =>
        new("attack", 2, "exec", "Run a command in the container", ok, TimeSpan.FromSeconds(1.2), TimeSpan.FromMilliseconds(80),
            $"stdout: {Injected}");
}
