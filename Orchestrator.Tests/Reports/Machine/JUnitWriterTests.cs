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
