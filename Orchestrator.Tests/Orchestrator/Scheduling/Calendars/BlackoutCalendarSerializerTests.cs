using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Orchestrator.Tests.Orchestrator.Service;
using Microsoft.Data.Sqlite;

using static Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars.Blackouts;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars;

/// <summary>The calendar through Quartz's own SQLite job store, as the scheduler service keeps it.</summary>
public sealed class BlackoutCalendarSerializerTests : IDisposable
{
    private readonly QuartzOnSqlite _quartz = new();

    [Fact]
    public async Task Calendar_stored_by_one_scheduler_is_read_back_by_the_next_with_the_same_exclusions()
    {
        var weekend = Calendar("weekend", weekdays: [DayOfWeek.Saturday, DayOfWeek.Sunday]);
        var stored = Of(Berlin, BusinessHours, Tet, weekend, Calendar("election", daily: "07:00-19:00", dates: ["2027-05-23"]));
        var name = BlackoutCalendar.NameFor("portal-ransomware");

        await using (var first = await _quartz.StartAsync())
        {
            await first.Scheduler.AddCalendar(name, stored, default, CancellationToken.None);
        }

        await using var second = await _quartz.StartAsync();
        var read = Assert.IsType<BlackoutCalendar>(await second.Scheduler.GetCalendar(name, CancellationToken.None));

        Assert.Contains("\"BlackoutRules\"", StoredJson(name), StringComparison.Ordinal);
        Assert.Equal(stored, read);
        Assert.Equal("Europe/Berlin", read.TimeZone.Id);
        for (var at = At("2026-12-28 00:00", Berlin); at < At("2027-06-01 00:00", Berlin); at = at.AddMinutes(97))
        {
            Assert.Equal(stored.IsTimeIncluded(at), read.IsTimeIncluded(at));
        }
    }

    /// <summary>The row itself, so the test knows the calendar went through the serializer and not a cache.</summary>
    private string StoredJson(string name)
    {
        using var connection = new SqliteConnection(_quartz.Connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CALENDAR FROM QRTZ_CALENDARS WHERE CALENDAR_NAME = $name";
        command.Parameters.AddWithValue("$name", name);
        return System.Text.Encoding.UTF8.GetString((byte[])command.ExecuteScalar()!);
    }

    public void Dispose() => _quartz.Dispose();
}
