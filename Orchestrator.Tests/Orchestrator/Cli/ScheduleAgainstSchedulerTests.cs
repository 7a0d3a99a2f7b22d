using System.Text.Json;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Scheduling;
using Drills.Orchestrator.Service;
using Drills.Orchestrator.Tests.Scenarios;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary>
/// <c>drills schedule</c> lists the times the scheduler fires: for each schedule, zone and start, its
/// next fires equal those of the trigger <c>drills serve</c> builds and of a Quartz cron trigger made
/// by hand from the expression the schedule means.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScheduleAgainstSchedulerTests : IDisposable
{
    private const int Count = 12;
    private static readonly DateTimeOffset Now = new(2027, 1, 28, 10, 0, 17, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("drills-fires-");

    public static TheoryData<string, string, string, string> Table => new()
    {
        // schedule as written, the Quartz cron it means, zone, start (UTC)
        { "30 2 * * 1-5", "0 30 2 ? * MON-FRI", "Asia/Ho_Chi_Minh", "2027-01-28T10:00:17Z" },
        { "0 0 2 ? * SUN", "0 0 2 ? * SUN", "Asia/Ho_Chi_Minh", "2027-01-28T10:00:17Z" },
        { "0 0 2 1 * MON", "0 0 2 1 * MON", "Asia/Ho_Chi_Minh", "2027-01-28T10:00:17Z" },
        { "@daily", "0 0 0 * * ?", "Asia/Ho_Chi_Minh", "2027-01-28T10:00:17Z" },
        { "0 0 1 jan-jun/2 *", "0 0 0 1 1,3,5 ?", "Asia/Ho_Chi_Minh", "2027-01-28T10:00:17Z" },
        { "0 0 0 1 JAN-JUN/2 ?", "0 0 0 1 1,3,5 ?", "UTC", "2027-01-28T10:00:17Z" },
        { "0 0 * * 5-1", "0 0 0 ? * FRI,SAT,SUN,MON", "UTC", "2027-01-28T10:00:17Z" },
        { "0 0 * * 1/2", "0 0 0 ? * SUN,MON,WED,FRI", "UTC", "2027-01-28T10:00:17Z" },
        { "0 0 0 L * ?", "0 0 0 L * ?", "UTC", "2027-01-28T10:00:17Z" },
        { "0 0 0 ? * 6#5", "0 0 0 ? * 6#5", "UTC", "2027-01-28T10:00:17Z" },
        { "0 0 22-2 ? * MON", "0 0 22,23,0,1,2 ? * MON", "Europe/Berlin", "2027-03-20T10:00:17Z" },
        { "0 30 2 * * ?", "0 30 2 * * ?", "Europe/Berlin", "2027-03-24T10:00:17Z" },
        { "30 2 * * *", "0 30 2 * * ?", "Europe/Berlin", "2027-10-27T10:00:17Z" },
        { "0 */30 1-3 * * ?", "0 0,30 1,2,3 * * ?", "Europe/Berlin", "2027-03-27T10:00:17Z" },
        { "0 0,30 2 * * ?", "0 0,30 2 * * ?", "Europe/Berlin", "2027-10-30T10:00:17Z" },
        { "*/30 1-3 * * *", "0 */30 1-3 * * ?", "Europe/Berlin", "2027-10-30T10:00:17Z" },
        { "0 15 10 ? * MON-FRI", "0 15 10 ? * MON-FRI", "Europe/Berlin", "2027-03-26T10:00:17Z" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Schedule_lists_the_fires_the_scheduler_computes(string schedule, string means, string zone, string start)
    {
        var now = DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var file = Catalogue(schedule, zone);

        var (exit, json) = await ScheduleJson(file, now);
        var listed = json.RootElement.GetProperty("scenarios")[0].GetProperty("nextFires").EnumerateArray()
            .Select(f => f.GetProperty("utc").GetDateTimeOffset()).ToList();

        Assert.Equal(ExitCodes.Passed, exit);
        Assert.Equal(Walk(ServeTrigger(file), now), listed);
        Assert.Equal(Walk(TriggerBuilder.Create().WithCronSchedule(means, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(zone))).Build(), now), listed);
    }

    [Theory]
    [InlineData("0 0 0 ? * 6L,2")]
    [InlineData("0 0 0 ? * 2#1,6#3")]
    [InlineData("0 0 0 ? * 2#1,3")]
    [InlineData("0 0 ? * SUN")]
    [InlineData("0 0 */2 * 1")]
    [InlineData("0 0 1 * */2")]
    [InlineData("0 2 1 * 1-5")]
    public async Task Schedule_and_validate_refuse_a_cron_at_its_line_with_a_fix(string schedule)
    {
        var file = Catalogue(schedule, "UTC");
        var data = Path.Combine(_folder.FullName, "data");

        var (exit, json) = await Run(["schedule", file, "--json", "--data-dir", data], Now);
        var error = Assert.Single(json.RootElement.GetProperty("errors").EnumerateArray());
        var validate = await RunText(["validate", file, "--data-dir", data], Now);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal((12, 15), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.Contains($"'schedule' of scenario 'web-kill' is '{schedule}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("fix").GetString()));
        Assert.Equal(ExitCodes.BadInput, validate.Exit);
        Assert.Contains($"test.yaml:12:15: error: 'schedule' of scenario 'web-kill' is '{schedule}'", ScheduledCatalogue.Flat(validate.Stderr), StringComparison.Ordinal);
        Assert.Contains("fix: ", validate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_stops_at_the_five_year_horizon()
    {
        var now = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var (exit, json) = await ScheduleJson(Catalogue("0 0 0 1 1 ?", "UTC"), now, next: 10);
        var listed = json.RootElement.GetProperty("scenarios")[0].GetProperty("nextFires").EnumerateArray()
            .Select(f => f.GetProperty("utc").GetDateTimeOffset()).ToList();

        Assert.Equal(ExitCodes.Passed, exit);
        Assert.Equal([2028, 2029, 2030, 2031, 2032], listed.Select(f => f.Year));
        Assert.All(listed, f => Assert.True(f <= now + FireTimes.Horizon));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Catalogue(string schedule, string zone)
    {
        var yaml = CatalogueText.With("    system: web", $"    system: web\n    schedule: \"{schedule}\"") + $"defaults:\n  timezone: {zone}\n";
        var file = Path.Combine(_folder.FullName, CatalogueText.FileName);
        File.WriteAllText(file, yaml);
        return file;
    }

    private Task<(int Exit, JsonDocument Json)> ScheduleJson(string file, DateTimeOffset now, int next = Count) =>
        Run(["schedule", file, "--json", "--next", next.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data-dir", Path.Combine(_folder.FullName, "data")], now);

    private static async Task<(int Exit, JsonDocument Json)> Run(string[] args, DateTimeOffset now)
    {
        var (exit, stdout, _) = await RunText(args, now);
        return (exit, JsonDocument.Parse(stdout));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunText(string[] args, DateTimeOffset now)
    {
        using var console = new ConsoleCapture();
        var exit = await CliApp.RunAsync(args, new FakeTimeProvider(now));
        return (exit, console.Stdout, console.Stderr);
    }

    /// <summary>The trigger <c>drills serve</c> schedules for the catalogue's one scheduled scenario.</summary>
    private static ITrigger ServeTrigger(string file)
    {
        var catalogue = CatalogueText.Load(File.ReadAllText(file)).Catalogue!;
        return ScenarioTriggers.Trigger(catalogue, ScenarioSchedule.For(catalogue, catalogue.Scenarios["web-kill"])!);
    }

    private static List<DateTimeOffset> Walk(ITrigger trigger, DateTimeOffset after)
    {
        var fires = new List<DateTimeOffset>();
        for (var at = after; fires.Count < Count && trigger.GetFireTimeAfter(at) is { } fire; at = fire)
        {
            fires.Add(fire);
        }

        return fires;
    }
}
