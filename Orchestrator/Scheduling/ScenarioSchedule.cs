using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Schedules;
using Quartz;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// A scheduled scenario as the scheduler runs it: its cron read in the catalogue's zone and its
/// blackout calendar. Unscheduled scenarios have none: they run on demand.
/// </summary>
internal sealed record ScenarioSchedule(ScenarioDefinition Scenario, ScheduleText Text, TimeZoneInfo Zone, CronExpression Cron, BlackoutCalendar? Blackout)
{
    public static ScenarioSchedule? For(DrillCatalogue catalogue, ScenarioDefinition scenario)
    {
        if (scenario.Schedule is null)
        {
            return null;
        }

        var text = ScheduleText.Parse(scenario.Schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalogue.Defaults.TimeZone);
        return new ScenarioSchedule(scenario, text, zone, new CronExpression(text.QuartzExpression, zone), BlackoutCalendar.For(catalogue, scenario));
    }

    /// <summary>Every scheduled scenario of the catalogue, in catalogue order.</summary>
    public static IReadOnlyList<ScenarioSchedule> All(DrillCatalogue catalogue) =>
        [.. catalogue.Scenarios.Values.Select(s => For(catalogue, s)).OfType<ScenarioSchedule>()];

    public FireForecast NextFires(DateTimeOffset after, int count) => FireTimes.Next(Cron, Blackout, after, count);
}
