using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// A passed, a failed (missed target), an aborted and a skipped run whose catalogue and container texts carry
/// no words of either language, so a one-language report can be checked for the other language's labels.
/// </summary>
internal static class OutcomeRuns
{
    /// <summary>A journal message no translation table holds: a Vietnamese report prints it marked as English.</summary>
    public const string UnknownMessage = "zq-7 k9";

    public static TheoryData<string> Names => ["passed", "failed", "aborted", "skipped"];

    public static RunRecord Named(string name) => name switch
    {
        "passed" => Passed(),
        "failed" => Passed() with
        {
            Outcome = RunOutcome.Failed,
            RecoveryTime = TimeSpan.FromHours(5),
            RtoTarget = TimeSpan.FromHours(4),
            Steps = [.. Passed().Steps.Take(2), new("restore", 2, "restart", "restart #2", false, TimeSpan.FromSeconds(2), TimeSpan.FromHours(5), "exit 137")],
        },
        "aborted" => Passed() with
        {
            Outcome = RunOutcome.Aborted,
            RecoveryTime = null,
            VerificationPassed = false,
            AbortReason = "orchestrator restarted",
            RolledBack = true,
            Journal = [.. Passed().Journal.Take(6), Event(7, JournalMark.Rollback, 2.0), Event(8, JournalMark.Aborted, 2.5)],
            Checks = [.. Passed().Checks.Where(c => c.Phase != "verify")],
        },
        "skipped" => Passed() with
        {
            Outcome = RunOutcome.Skipped,
            SkipReason = "the service stopped before the drill's turn came",
            Origin = new RunOrigin(RunTrigger.Schedule, SampleRuns.Start),
            EndedAtUtc = SampleRuns.Start,
            RecoveryTime = null,
            ImpactObserved = false,
            TimeToImpact = null,
            VerificationPassed = false,
            Journal = [],
            Steps = [],
            Checks = [],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such sample run"),
    };

    public static RunRecord Passed() => SampleRuns.Passed() with
    {
        RunId = "20261122-190000-r1",
        ScenarioId = "r1",
        ScenarioTitle = "R-1",
        SystemId = "p1",
        SystemTitle = "P-1",
        Agency = "A-1",
        ContainerName = "p1-c",
        Participants = ["N-1", "N-2"],
        Objectives = ["O-1"],
        Journal = [.. Enumerable.Range(1, 10).Select(i => Event(i, Marks[i - 1], Seconds[i - 1]))],
        Steps =
        [
            new("attack", 1, "encrypt-files", "encrypt-files /srv/www", true, TimeSpan.FromSeconds(1.0), TimeSpan.FromMilliseconds(300), "12/12"),
            new("restore", 1, "restore-backup", "restore-backup /srv/www", true, TimeSpan.FromSeconds(1.6), TimeSpan.FromMilliseconds(850), "12/12"),
        ],
        Checks =
        [
            new("restore", "tcp 127.0.0.1:18080", false, TimeSpan.FromSeconds(1.5), "ECONNREFUSED", Repeats: 4, LastAt: TimeSpan.FromSeconds(2.5)),
            new("verify", "tcp 127.0.0.1:18080", true, TimeSpan.FromSeconds(3.4), "1 ms"),
        ],
    };

    private static readonly JournalMark[] Marks =
    [
        JournalMark.Started, JournalMark.Baseline, JournalMark.Backup, JournalMark.AttackStart, JournalMark.StepFinished,
        JournalMark.Impact, JournalMark.RestoreStart, JournalMark.RestoreEnd, JournalMark.Recovered, JournalMark.Finished,
    ];

    private static readonly double[] Seconds = [0, 0.8, 0.9, 1.0, 1.3, 1.5, 1.6, 2.9, 3.4, 3.5];

    private static JournalEvent Event(int sequence, JournalMark mark, double seconds) =>
        new(sequence, mark, SampleRuns.Start.AddSeconds(seconds), TimeSpan.FromSeconds(seconds), UnknownMessage);
}
