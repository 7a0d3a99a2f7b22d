using System.Xml.Linq;
using Drills.Reports.Machine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports.Machine;

public sealed class JUnitWriterTests
{
    [Fact]
    public void Every_drill_is_a_test_case_named_by_its_system_and_scenario_with_counts_on_the_suite()
    {
        var xml = Parse(SampleRuns.Passed(), Missed(), SampleRuns.Aborted(), NotStarted(), Skipped());

        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("testsuites", xml.Root.Name.LocalName);
        Assert.Equal("drills", (string?)suite.Attribute("name"));
        Assert.Equal(("5", "2", "1", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("errors"), (string?)suite.Attribute("skipped")));
        Assert.Equal((string?)suite.Attribute("failures"), (string?)xml.Root.Attribute("failures"));
        var first = suite.Elements("testcase").First();
        Assert.Equal("citizen-portal", (string?)first.Attribute("classname"));
        Assert.Equal("portal-ransomware", (string?)first.Attribute("name"));
        Assert.Equal("3.500", (string?)first.Attribute("time"));
    }

    [Fact]
    public void A_passed_drill_has_no_failure_and_carries_its_run_id_and_report()
    {
        var test = Case(SampleRuns.Passed() with { ReportPath = "/data/reports/r.html" });

        Assert.DoesNotContain(test.Elements(), e => e.Name.LocalName is "failure" or "error" or "skipped");
        Assert.Equal("20261122-190000-portal-ransomware", Property(test, "runId"));
        Assert.Equal("/data/reports/r.html", Property(test, "reportPath"));
        Assert.Equal("2.400", Property(test, "recoverySeconds"));
    }

    [Fact]
    public void A_missed_target_is_a_failed_test_case_with_its_reason()
    {
        var failure = Case(Missed()).Element("failure")!;

        Assert.Equal("missedTarget", (string?)failure.Attribute("type"));
        Assert.Contains("exceeding its 4 h target", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains("missing the 4 h target by 1 h", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drill_aborted_after_its_attack_is_a_failure_and_one_aborted_before_it_an_error()
    {
        var aborted = Case(SampleRuns.Aborted()).Element("failure")!;
        var notStarted = Case(NotStarted()).Element("error")!;

        Assert.Equal("aborted", (string?)aborted.Attribute("type"));
        Assert.Contains("max_duration 10m exceeded", (string?)aborted.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("notStarted", (string?)notStarted.Attribute("type"));
        Assert.Contains("Docker is not reachable", (string?)notStarted.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_fire_is_a_skipped_test_case_with_its_reason()
    {
        var skipped = Case(Skipped()).Element("skipped")!;

        Assert.Equal("missed while the service was down", (string?)skipped.Attribute("message"));
    }

    [Fact]
    public void Markup_and_control_characters_in_titles_and_reasons_stay_text()
    {
        const string Hostile = "<script>alert(1)</script> & \"quotes\" <img src=x onerror=alert(1)>";
        var run = SampleRuns.Aborted() with { ScenarioTitle = Hostile, AbortReason = "exec failed: \u001b[31mred\u0007 " + Hostile };

        var text = JUnitWriter.Write([run]);
        var test = XDocument.Parse(text).Root!.Element("testsuite")!.Element("testcase")!;

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal(Hostile, Property(test, "scenarioTitle"));
        Assert.Contains("\\x1b[31mred\\x07", (string?)test.Element("failure")!.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains(Hostile, Property(test, "abortReason"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_drill_is_an_empty_suite()
    {
        var suite = XDocument.Parse(JUnitWriter.Write([])).Root!.Element("testsuite")!;

        Assert.Equal("0", (string?)suite.Attribute("tests"));
        Assert.Empty(suite.Elements("testcase"));
    }

    [Fact]
    public void Data_loss_beyond_rpo_target_fails_a_drill_that_recovered_in_time()
    {
        var test = Case(RecoveryRuns.LossMissed());

        var failure = test.Element("failure")!;
        Assert.Equal("missedRpo", (string?)failure.Attribute("type"));
        Assert.Contains("Data loss exceeded the recovery point target: 3 record(s) lost, a 900 ms window against the 500 ms rpo_target.",
            (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Contains("Data loss beyond the recovery point target", failure.Value, StringComparison.Ordinal);
        Assert.Equal(("9", "3", "0.900", "0.500", "false", "1"), (Property(test, "dataLossMarkersWritten"), Property(test, "dataLossMarkersLost"),
            Property(test, "dataLossWindowSeconds"), Property(test, "rpoTargetSeconds"), Property(test, "metRpo"), Property(test, "backupDefects")));
    }

    [Fact]
    public void Data_loss_within_rpo_target_passes_and_carries_its_figures_and_the_backup_restored()
    {
        var test = Case(RecoveryRuns.LossMet());

        Assert.DoesNotContain(test.Elements(), e => e.Name.LocalName is "failure" or "error");
        Assert.Equal("true", Property(test, "metRpo"));
        Assert.Equal("4", Property(test, "dataLossMarkersLost"));
        Assert.Equal($"{RecoveryRuns.BackupId} (online)", Property(test, "restoredFrom"));
        Assert.Equal("true", Property(test, "readinessPassed"));
        Assert.Null(Property(test, "backupDefects"));
    }

    [Fact]
    public void A_missed_recovery_target_stays_the_failure_type_when_data_loss_missed_too()
    {
        var run = RecoveryRuns.LossMissed() with { Outcome = RunOutcome.Failed, RecoveryTime = TimeSpan.FromHours(5) };

        Assert.Equal("missedTarget", (string?)Case(run).Element("failure")!.Attribute("type"));
    }

    [Fact]
    public void A_run_the_gate_refused_is_an_error_with_the_gate_in_its_message_and_leftovers_are_a_property()
    {
        var refused = Case(RecoveryRuns.Refused());
        var leftovers = Case(RecoveryRuns.Named("leftovers"));

        Assert.Equal("notStarted", (string?)refused.Element("error")!.Attribute("type"));
        Assert.Equal("The drill did not start: the readiness gate failed (the backup, disk space); nothing was touched.", (string?)refused.Element("error")!.Attribute("message"));
        Assert.Equal("false", Property(refused, "readinessPassed"));
        Assert.Equal("h-2", Property(leftovers, "cleanupLeftBehind"));
        Assert.Null(leftovers.Element("failure"));
    }

    private static XDocument Parse(params RunRecord[] runs) => XDocument.Parse(JUnitWriter.Write(runs));

    private static XElement Case(RunRecord run) => Parse(run).Root!.Element("testsuite")!.Element("testcase")!;

    private static string? Property(XElement test, string name) =>
        (string?)test.Element("properties")!.Elements("property").SingleOrDefault(p => (string?)p.Attribute("name") == name)?.Attribute("value");

    private static RunRecord Missed() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Failed,
        RecoveryTime = TimeSpan.FromHours(5),
    };

    private static RunRecord NotStarted() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Aborted,
        RecoveryTime = null,
        AbortReason = "Docker is not reachable at unix:///var/run/docker.sock",
        Steps = [],
        Checks = [],
        Journal = [],
    };

    private static RunRecord Skipped() => SampleRuns.Passed() with
    {
        Outcome = RunOutcome.Skipped,
        RecoveryTime = null,
        SkipReason = "missed while the service was down",
        Steps = [],
        Checks = [],
        Journal = [],
    };
}
