using System.Globalization;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;

namespace Drills.Bench.Store;

/// <summary>
/// Run records shaped like the ones drills writes: steps, folded check observations, the readiness gate, limits,
/// level policy, cleanup and origin, with a mix of outcomes (passed, failed, aborted, skipped fires). Run
/// <c>n</c> is of system <c>n % systems</c>, alternating its two scenarios, half an hour after run <c>n − 1</c>.
/// </summary>
internal sealed class SyntheticRuns(DrillCatalogue catalogue, int systems, int total, DateTimeOffset now)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(30);

    public int Systems => systems;

    /// <summary>Run <paramref name="n"/> of <c>total</c>; the last one starts an hour before <c>now</c>.</summary>
    public RunRecord Run(int n)
    {
        var random = new Random(n);
        var system = n % systems;
        var kind = n / systems % 2;
        var started = now - TimeSpan.FromHours(1) - ((total - 1 - n) * Spacing);
        var outcome = random.Next(100) switch
        {
            < 5 => RunOutcome.Skipped,
            < 12 => RunOutcome.Aborted,
            < 20 => RunOutcome.Failed,
            _ => RunOutcome.Passed,
        };
        var scheduled = n % 3 != 0;
        var header = Header(n, system, kind, started, outcome, scheduled);
        if (outcome is RunOutcome.Skipped)
        {
            return header with
            {
                EndedAtUtc = started,
                SkipReason = $"{BenchCatalogue.SystemId(system)} was held by another drill (drills-bench-store-{BenchCatalogue.SystemId(system)}) for longer than the misfire grace (5m)",
            };
        }

        var recovery = TimeSpan.FromMilliseconds(800 + random.Next(20_000));
        var ended = started + TimeSpan.FromSeconds(6) + recovery;
        return header with
        {
            EndedAtUtc = ended,
            RecoveryTime = outcome is RunOutcome.Aborted ? null : outcome is RunOutcome.Failed && n % 2 == 0 ? TimeSpan.FromHours(5) : recovery,
            ImpactObserved = true,
            TimeToImpact = TimeSpan.FromMilliseconds(120 + random.Next(500)),
            VerificationPassed = outcome is RunOutcome.Passed,
            AbortReason = outcome is RunOutcome.Aborted ? "max_duration 10m exceeded before every check passed; rolled back to the baseline" : null,
            RolledBack = outcome is RunOutcome.Aborted,
            ImageDigest = "sha256:" + Convert.ToHexStringLower(BitConverter.GetBytes((long)system)).PadLeft(64, '0'),
            ReportPath = $"/var/lib/drills/reports/{header.RunId}.html",
            Readiness = new Readiness(
            [
                new ReadinessItem("image", true, "drills/portal:1 present (sha256:4b1d…)"),
                new ReadinessItem("checks", true, "2 of 2 checks passed"),
                new ReadinessItem("backup", true, "newest backup 3h old, checksum verified"),
                new ReadinessItem("disk", true, "41.2 GiB free, snapshot needs 12.0 MiB"),
            ]),
            Cleanup = n % 7 == 0 ? new Cleanup(["helper container drills-helper-1a2b"], ["helper container drills-helper-1a2b"]) : Cleanup.Nothing,
            Steps = Steps(kind, recovery),
            Checks = Checks(system, recovery, outcome),
        };
    }

    /// <summary>A journal like a drill's: the marks in order, with the elapsed time of each.</summary>
    public static IReadOnlyList<JournalEvent> Journal(RunRecord run)
    {
        var events = new List<JournalEvent>();
        void Log(JournalMark mark, double seconds, string message, string? detail = null) =>
            events.Add(new JournalEvent(events.Count + 1, mark, run.StartedAtUtc.AddSeconds(seconds), TimeSpan.FromSeconds(seconds), message, detail));

        Log(JournalMark.Started, 0, $"Drill started on {run.ContainerName}");
        Log(JournalMark.Baseline, 0.8, "All 2 checks passed; backup and integrity manifest taken", "manifest: 12 files");
        Log(JournalMark.Backup, 0.9, "Baseline snapshot of /srv/www saved", "sha256: 9f2c…");
        Log(JournalMark.AttackStart, 1.0, "Attack step 1 began");
        Log(JournalMark.StepFinished, 1.3, "Attack step 1 finished");
        Log(JournalMark.Impact, 1.5, "http://127.0.0.1/health returned 502");
        Log(JournalMark.RestoreStart, 1.6, "Restore step 1 began");
        Log(JournalMark.StepFinished, 2.4, "Restore step 1 finished");
        Log(JournalMark.RestoreEnd, 2.9, "Restore steps finished");
        Log(JournalMark.Recovered, 3.4, "Every verify item passed");
        Log(JournalMark.Note, 3.45, "Cleanup: nothing left behind");
        Log(JournalMark.Finished, 3.5, "Drill finished: " + run.Outcome.ToString().ToLowerInvariant());
        return events;
    }

    private RunRecord Header(int n, int system, int kind, DateTimeOffset started, RunOutcome outcome, bool scheduled)
    {
        var systemId = BenchCatalogue.SystemId(system);
        var declared = catalogue.Systems[systemId];
        var level = BenchCatalogue.Level(system);
        return new RunRecord
        {
            RunId = string.Create(CultureInfo.InvariantCulture, $"{started.UtcDateTime:yyyyMMdd-HHmmss}-{(ulong)n * 0x9E3779B97F4A7C15UL:x16}"),
            ScenarioId = BenchCatalogue.ScenarioId(system, kind),
            ScenarioTitle = catalogue.Scenarios[BenchCatalogue.ScenarioId(system, kind)].Title,
            SystemId = systemId,
            SystemTitle = declared.Title,
            Agency = declared.Agency,
            SecurityLevel = level,
            Technique = kind == 0 ? "T1489" : "T1486",
            ContainerName = "drills-bench-store-" + systemId,
            CatalogueSha256 = catalogue.Sha256,
            TimeZone = BenchCatalogue.TimeZone,
            StartedAtUtc = started,
            Outcome = outcome,
            RtoTarget = TimeSpan.FromHours(4),
            Origin = scheduled ? new RunOrigin(RunTrigger.Schedule, started, n % 5 == 0 ? TimeSpan.FromSeconds(12) : TimeSpan.Zero) : RunOrigin.OnDemand,
            StartedBy = scheduled ? $"schedule:{BenchCatalogue.ScenarioId(system, kind)} fire {started:O}" : "user:officer",
            Owner = new RunOwner("bench-host", 4242, started.AddSeconds(-1)),
            Limits = outcome is RunOutcome.Skipped ? null : new RunLimits(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5)),
            Level = new LevelPolicy(level, TimeSpan.FromHours(4), Cadence.HalfYearly, Cadence.Quarterly),
            SystemOwner = "CIO of " + declared.Agency,
            Participants = ["Nguyễn Văn An (security officer)", "Trần Thị Bình (system owner)"],
            Objectives = ["Restore the service within its target", "Show the backup restores every file"],
        };
    }

    private static StepResult[] Steps(int kind, TimeSpan recovery) => kind == 0
        ?
        [
            new("attack", 1, "kill", "Kill the container", true, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300), "killed (exit 137)"),
            new("restore", 1, "restart", "Restart the container", true, TimeSpan.FromSeconds(1.6), recovery / 2, "exit 0"),
        ]
        :
        [
            new("attack", 1, "encrypt-files", "Encrypt /srv/www and drop README_RESTORE.txt", true, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300), "12 files encrypted"),
            new("restore", 1, "restore-backup", "Restore the baseline snapshot", true, TimeSpan.FromSeconds(1.6), recovery / 3, "12 files restored"),
            new("restore", 2, "restart", "Restart the container", true, TimeSpan.FromSeconds(2.4), recovery / 3, "exit 0"),
        ];

    /// <summary>Two checks probed through baseline, attack, restore and verify, folded as the engine folds repeats.</summary>
    private static CheckObservation[] Checks(int system, TimeSpan recovery, RunOutcome outcome)
    {
        var port = 20000 + system;
        var http = $"http http://127.0.0.1:{port}/health expect 200";
        var tcp = $"tcp 127.0.0.1:{port}";
        var polls = (int)(recovery.TotalMilliseconds / 500);
        var end = TimeSpan.FromSeconds(1.5) + recovery;
        return
        [
            new("baseline", http, true, TimeSpan.FromSeconds(0.2), "HTTP 200 OK: portal is healthy"),
            new("baseline", tcp, true, TimeSpan.FromSeconds(0.2), "connected in 1 ms"),
            new("attack", http, false, TimeSpan.FromSeconds(1.5), "connection refused"),
            new("attack", tcp, false, TimeSpan.FromSeconds(1.5), "connection refused"),
            new("restore", http, false, TimeSpan.FromSeconds(2), "connection refused", Math.Max(1, polls - 2), end - TimeSpan.FromSeconds(1)),
            new("restore", tcp, false, TimeSpan.FromSeconds(2), "connection refused", Math.Max(1, polls - 3), end - TimeSpan.FromSeconds(1.5)),
            new("restore", tcp, true, end - TimeSpan.FromSeconds(1), "connected in 1 ms", 2, end),
            new("restore", http, outcome is not RunOutcome.Failed, end, outcome is RunOutcome.Failed ? "HTTP 502 Bad Gateway" : "HTTP 200 OK: portal is healthy"),
            new("verify", http, outcome is RunOutcome.Passed, end + TimeSpan.FromSeconds(0.5), outcome is RunOutcome.Passed ? "HTTP 200 OK: portal is healthy" : "HTTP 502 Bad Gateway"),
            new("verify", tcp, true, end + TimeSpan.FromSeconds(0.5), "connected in 1 ms"),
        ];
    }
}
