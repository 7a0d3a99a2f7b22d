using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class CheckRunTests
{
    private static CheckObservation Seen(string check, bool passed, double seconds, string observation) =>
        new("restore", check, passed, TimeSpan.FromSeconds(seconds), observation);

    [Fact]
    public void Identical_polls_of_one_check_fold_into_one_run_even_when_other_checks_interleave()
    {
        var runs = CheckRun.Group(
        [
            Seen("http", false, 1, "500"),
            Seen("tcp", true, 1, "connected"),
            Seen("http", false, 2, "500"),
            Seen("tcp", true, 2, "connected"),
            Seen("http", false, 3, "500"),
        ]);

        Assert.Equal(2, runs.Count);
        Assert.Equal(new CheckRun("restore", "http", false, "500", 3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), runs[0]);
        Assert.Equal(2, runs[1].Count);
    }

    [Fact]
    public void Observations_already_folded_by_the_engine_keep_their_poll_count_and_span()
    {
        var runs = CheckRun.Group(
        [
            new("restore", "http", false, TimeSpan.FromSeconds(1), "500", Repeats: 40, LastAt: TimeSpan.FromSeconds(40)),
            new("restore", "http", false, TimeSpan.FromSeconds(41), "500", Repeats: 2, LastAt: TimeSpan.FromSeconds(42)),
        ]);

        var run = Assert.Single(runs);
        Assert.Equal(42, run.Count);
        Assert.Equal(TimeSpan.FromSeconds(42), run.LastAt);
    }

    [Fact]
    public void Checks_table_counts_every_poll_including_folded_ones()
    {
        var view = RecordTables.Checks(
        [
            new("attack", "http", false, TimeSpan.FromSeconds(1), "500", Repeats: 8, LastAt: TimeSpan.FromSeconds(8)),
            new("restore", "http", true, TimeSpan.FromSeconds(9), "200", Repeats: 2, LastAt: TimeSpan.FromSeconds(10)),
        ], ReportLanguage.Both);

        Assert.Equal("10", view.ObservationCount.ToString());
        Assert.Equal("2", view.RowCount.ToString());
    }

    [Fact]
    public void A_changed_observation_or_result_starts_a_new_run()
    {
        var runs = CheckRun.Group(
        [
            Seen("http", false, 1, "500"),
            Seen("http", false, 2, "502"),
            Seen("http", true, 3, "502"),
            Seen("http", false, 4, "500"),
        ]);

        Assert.Equal([1, 1, 1, 1], runs.Select(r => r.Count));
    }
}
