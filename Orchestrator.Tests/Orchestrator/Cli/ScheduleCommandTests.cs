using System.Text.Json;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

using static Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue;
namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills schedule</c> run as a process, as a script or an operator runs it.</summary>
public sealed class ScheduleCommandTests : IDisposable
{
    private readonly ScheduledCatalogue _catalogue = new();

    [Fact]
    public async Task Json_lists_the_next_fires_in_local_time_the_blackout_and_the_last_run()
    {
        var store = new SqliteRunStore(Path.Combine(_catalogue.DataDir, "drills.db"));
        store.Begin(SampleRuns.Passed() with { RunId = "r-old", ScenarioId = "web-kill", Outcome = RunOutcome.Passed, StartedAtUtc = SampleRuns.Start });
        store.Begin(SampleRuns.Passed() with { RunId = "r-new", ScenarioId = "web-kill", Outcome = RunOutcome.Failed, StartedAtUtc = SampleRuns.Start.AddDays(1) });
        SqliteConnection.ClearAllPools();

        var result = await CliProcess.RunAsync("schedule", _catalogue.Path, "--next", "3", "--json", "--data-dir", _catalogue.DataDir);
        using var json = JsonDocument.Parse(result.Stdout);
        var scenarios = json.RootElement.GetProperty("scenarios");
        var scheduled = scenarios[0];
        var fires = scheduled.GetProperty("nextFires").EnumerateArray().Select(f => f.GetProperty("local").GetDateTimeOffset()).ToList();

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Equal("Asia/Ho_Chi_Minh", json.RootElement.GetProperty("timeZone").GetString());
        Assert.False(json.RootElement.GetProperty("serviceRunning").GetBoolean());
        Assert.Equal("web-kill", scheduled.GetProperty("scenario").GetString());
        Assert.True(scheduled.GetProperty("crontab").GetBoolean());
        Assert.Equal("0 30 2 ? * MON-FRI", scheduled.GetProperty("quartz").GetString());
        Assert.Equal(["tet"], scheduled.GetProperty("blackout").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(3, fires.Count);
        Assert.All(fires, f => Assert.Equal((TimeSpan.FromHours(7), 2, 30), (f.Offset, f.Hour, f.Minute)));
        Assert.All(fires, f => Assert.InRange(f.DayOfWeek, DayOfWeek.Monday, DayOfWeek.Friday));
        Assert.Equal("r-new", scheduled.GetProperty("lastRun").GetProperty("runId").GetString());
        Assert.Equal("failed", scheduled.GetProperty("lastRun").GetProperty("outcome").GetString());
        Assert.True(scenarios[1].GetProperty("onDemand").GetBoolean());
        Assert.Equal(JsonValueKind.Null, scenarios[1].GetProperty("lastRun").ValueKind);
    }

    [Fact]
    public async Task Table_shows_the_translation_on_demand_scenarios_and_never_run()
    {
        var result = await CliProcess.RunAsync("schedule", _catalogue.Path, "--data-dir", _catalogue.DataDir);

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains("crontab \"30 2 * * 1-5\" understood as Quartz \"0 30 2 ? * MON-FRI\"", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh (UTC+07:00)", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Contains("02:30:00 +07:00", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Contains("on demand", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Contains("never run", Flat(result.Stdout), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "--next is 0; it must be a whole number from 1 to 100")]
    [InlineData("101", "--next is 101")]
    [InlineData("abc", "'abc'")]
    public async Task Next_outside_1_to_100_is_bad_input(string next, string message)
    {
        var result = await CliProcess.RunAsync("schedule", _catalogue.Path, "--next", next, "--data-dir", _catalogue.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(message, Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_that_never_fires_is_bad_input_at_its_schedule_line()
    {
        using var past = new ScheduledCatalogue(schedule: "0 0 2 1 1 ? 2020");

        var result = await CliProcess.RunAsync("schedule", past.Path, "--json", "--data-dir", past.DataDir);
        using var json = JsonDocument.Parse(result.Stdout);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.True(json.RootElement.GetProperty("scenarios")[0].GetProperty("neverFires").GetBoolean());
        Assert.Contains("test.yaml:12:15", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("never fires", Flat(result.Stderr), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _catalogue.Dispose();
    }
}
