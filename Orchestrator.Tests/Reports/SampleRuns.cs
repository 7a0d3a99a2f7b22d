using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>Run records shaped like the sample catalogue's portal ransomware drill.</summary>
internal static class SampleRuns
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    public static ReportContext Context { get; } =
        new(new DateTimeOffset(2026, 11, 22, 19, 5, 0, TimeSpan.Zero), "0.1.0-test");

    /// <summary>How a bilingual report prints an inline phrase: Vietnamese, then the English in a muted span.</summary>
    public static string Both(string vi, string en) => $"{vi} <span class=\"en\" lang=\"en\">/ {en}</span>";

    public static RunRecord Passed()
    {
        var journal = new List<JournalEvent>();
        void Log(JournalMark mark, double seconds, string message, string? detail = null) =>
            journal.Add(new JournalEvent(
                journal.Count + 1, mark, Start.AddMilliseconds(seconds * 1000), TimeSpan.FromMilliseconds(seconds * 1000), message, detail));

        Log(JournalMark.Started, 0, "Drill started on drills-citizen-portal");
        Log(JournalMark.Baseline, 0.8, "All 4 checks passed; backup and integrity manifest taken", "manifest: 12 files");
        Log(JournalMark.Backup, 0.9, "Baseline snapshot of /srv/www saved", "sha256: 9f2c…");
        Log(JournalMark.AttackStart, 1.0, "Attack step 1 (encrypt-files) began");
        Log(JournalMark.StepFinished, 1.3, "encrypt-files encrypted 12 files");
        Log(JournalMark.Impact, 1.5, "http://127.0.0.1:18080/ returned 500");
        Log(JournalMark.RestoreStart, 1.6, "Restore step 1 (restore-backup) began");
        Log(JournalMark.RestoreEnd, 2.9, "Restore steps finished");
        Log(JournalMark.Recovered, 3.4, "Every verify item passed");
        Log(JournalMark.Finished, 3.5, "Drill finished: passed");

        return new RunRecord
        {
            RunId = "20261122-190000-portal-ransomware",
            ScenarioId = "portal-ransomware",
            ScenarioTitle = "Ransomware encrypts the portal's files",
            SystemId = "citizen-portal",
            SystemTitle = "Public service portal / Cổng dịch vụ công",
            Agency = "Provincial Department of Information and Communications",
            SecurityLevel = 3,
            Technique = "T1486",
            ContainerName = "drills-citizen-portal",
            ImageDigest = "sha256:4b1d0c2e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c",
            CatalogueSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            StartedAtUtc = Start,
            EndedAtUtc = Start.AddSeconds(3.5),
            Outcome = RunOutcome.Passed,
            RecoveryTime = TimeSpan.FromSeconds(2.4),
            RtoTarget = TimeSpan.FromHours(4),
            ImpactObserved = true,
            TimeToImpact = TimeSpan.FromSeconds(0.5),
            VerificationPassed = true,
            Journal = journal,
            Steps =
            [
                new("attack", 1, "encrypt-files", "Encrypt /srv/www and drop README_RESTORE.txt", true,
                    TimeSpan.FromSeconds(1.0), TimeSpan.FromMilliseconds(300), "12 files encrypted"),
                new("restore", 1, "restore-backup", "Restore the baseline snapshot", true,
                    TimeSpan.FromSeconds(1.6), TimeSpan.FromMilliseconds(850), "12 files restored"),
                new("restore", 2, "restart", "Restart the container", true,
                    TimeSpan.FromSeconds(2.45), TimeSpan.FromMilliseconds(450), "exit 0"),
            ],
            Checks = Polls(),
        };
    }

    public static RunRecord Aborted() => Passed() with
    {
        Outcome = RunOutcome.Aborted,
        RecoveryTime = null,
        VerificationPassed = false,
        AbortReason = "max_duration 10m exceeded",
        RolledBack = true,
    };

    public static RunRecord WithoutImpact() => Passed() with { ImpactObserved = false, TimeToImpact = null };

    /// <summary>Two checks polled in turn: the page check fails six times in a row before recovering.</summary>
    private static List<CheckObservation> Polls()
    {
        var polls = new List<CheckObservation>();
        for (var i = 0; i < 8; i++)
        {
            var at = TimeSpan.FromSeconds(1.5 + (i * 0.25));
            var failing = i < 6;
            polls.Add(new("restore", "http http://127.0.0.1:18080/ contains", !failing, at,
                failing ? "500 Internal Server Error" : "200 OK, found \"Cổng dịch vụ công\""));
            polls.Add(new("restore", "tcp 127.0.0.1:18080", true, at, "connected in 1 ms"));
        }

        polls.Add(new("verify", "integrity /srv/www", true, TimeSpan.FromSeconds(3.4), "12 of 12 files match the baseline"));
        return polls;
    }
}
