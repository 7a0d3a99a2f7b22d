using Drills.Scenarios.RunRecords;
using static Drills.Orchestrator.Tests.Reports.Index.IndexFixtures;

namespace Drills.Orchestrator.Tests.Reports.Index;

public sealed class IndexOrderTests
{
    private static readonly DateTimeOffset LastMonth = Now.AddMonths(-1);

    [Fact]
    public void A_failing_system_comes_before_a_passing_one()
    {
        var catalogue = Catalogue([Declared("aaa-passing"), Declared("zzz-failing")]);

        var index = Build(catalogue,
        [
            Run("aaa-passing", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(3)),
            Run("zzz-failing", RunOutcome.Failed, LastMonth, TimeSpan.FromMinutes(1)),
        ]);

        Assert.Equal(["zzz-failing", "aaa-passing"], Order(index));
        Assert.True(Row(index, "zzz-failing").Failing);
    }

    [Fact]
    public void An_overdue_system_comes_before_one_that_passed_within_its_cadence()
    {
        var catalogue = Catalogue([Declared("aaa-recent"), Declared("zzz-overdue")]);

        var index = Build(catalogue,
        [
            Run("aaa-recent", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(3)),
            Run("zzz-overdue", RunOutcome.Passed, Now.AddMonths(-13), TimeSpan.FromMinutes(1)),
        ]);

        Assert.Equal(["zzz-overdue", "aaa-recent"], Order(index));
        Assert.True(Row(index, "zzz-overdue").Overdue);
        Assert.False(Row(index, "aaa-recent").Overdue);
    }

    [Fact]
    public void Among_passed_systems_the_larger_share_of_target_comes_first()
    {
        var catalogue = Catalogue([Declared("fast"), Declared("slow"), Declared("middle")]);

        var index = Build(catalogue,
        [
            Run("fast", RunOutcome.Passed, LastMonth, TimeSpan.FromMinutes(10), TimeSpan.FromHours(4)),
            Run("slow", RunOutcome.Passed, LastMonth, TimeSpan.FromMinutes(50), TimeSpan.FromHours(1)),
            Run("middle", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(2), TimeSpan.FromHours(4)),
        ]);

        Assert.Equal(["slow", "middle", "fast"], Order(index));
    }

    [Fact]
    public void Equal_systems_are_ordered_by_id()
    {
        var catalogue = Catalogue([Declared("charlie"), Declared("alpha"), Declared("bravo")]);

        var index = Build(catalogue,
        [
            Run("charlie", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1)),
            Run("alpha", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1)),
            Run("bravo", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1)),
        ]);

        Assert.Equal(["alpha", "bravo", "charlie"], Order(index));
    }

    [Fact]
    public void A_system_never_drilled_is_listed_overdue_with_no_outcome()
    {
        var catalogue = Catalogue([Declared("drilled"), Declared("never")]);

        var index = Build(catalogue, [Run("drilled", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1))]);

        var never = Row(index, "never");
        Assert.Null(never.Last);
        Assert.True(never.Overdue);
        Assert.Null(never.PassRate);
        Assert.Equal(["never", "drilled"], Order(index));
        Assert.Equal(1, index.NeverDrilled);
    }

    [Fact]
    public void A_system_found_only_in_stored_runs_is_listed_as_not_in_the_catalogue()
    {
        var catalogue = Catalogue([Declared("current")]);

        var index = Build(catalogue,
        [
            Run("current", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1)),
            Run("retired", RunOutcome.Passed, LastMonth, TimeSpan.FromHours(1), level: 5, title: "Old portal"),
        ]);

        var retired = Row(index, "retired");
        Assert.False(retired.InCatalogue);
        Assert.Equal("Old portal", retired.Title);
        Assert.Equal(5, retired.Level);
        Assert.True(Row(index, "current").InCatalogue);
    }

    [Fact]
    public void The_drill_cadence_of_the_levels_section_decides_overdue()
    {
        string[] systems = [Declared("portal", level: 3)];
        RunRecord[] runs = [Run("portal", RunOutcome.Passed, Now.AddMonths(-7), TimeSpan.FromHours(1))];

        var byDefault = Build(Catalogue(systems), runs);
        var halfYearly = Build(Catalogue(systems, "  3: { drill_cadence: 6mo }"), runs);

        Assert.False(Row(byDefault, "portal").Overdue);
        Assert.Equal(1, Row(byDefault, "portal").DrillsInCadence);
        Assert.True(Row(halfYearly, "portal").Overdue);
        Assert.Equal(6, Row(halfYearly, "portal").Policy.DrillCadence.Months);
    }

    [Fact]
    public void Pass_rate_counts_drills_only_never_skips_or_runs_that_attacked_nothing()
    {
        var catalogue = Catalogue([Declared("portal")]);

        var index = Build(catalogue,
        [
            Run("portal", RunOutcome.Passed, Now.AddDays(-40), TimeSpan.FromHours(1)),
            Run("portal", RunOutcome.Failed, Now.AddDays(-30), TimeSpan.FromHours(5)),
            Run("portal", RunOutcome.Aborted, Now.AddDays(-20), null),
            Run("portal", RunOutcome.Skipped, Now.AddDays(-10), null),
            Run("portal", RunOutcome.Aborted, Now.AddDays(-5), null, attacked: false),
            Run("portal", RunOutcome.Passed, Now.AddDays(-2), TimeSpan.FromHours(2)),
        ]);

        var row = Row(index, "portal");
        Assert.Equal(4, row.Drills);
        Assert.Equal(2, row.Passed);
        Assert.Equal(0.5, row.PassRate);
        Assert.Equal(RunOutcome.Passed, row.Last!.Outcome);
        Assert.Equal(4, row.Trend.Count);
        Assert.Equal(TimeSpan.FromHours(2), row.Trend[^1].RecoveryTime);
    }

    [Fact]
    public void A_drill_that_did_not_recover_sorts_before_any_recovered_one()
    {
        var catalogue = Catalogue([Declared("aborted"), Declared("missed")]);

        var index = Build(catalogue,
        [
            Run("missed", RunOutcome.Failed, LastMonth, TimeSpan.FromHours(40)),
            Run("aborted", RunOutcome.Aborted, LastMonth, null),
        ]);

        Assert.Equal(["aborted", "missed"], Order(index));
    }
}
