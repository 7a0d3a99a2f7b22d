using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Scheduling;

/// <summary>
/// Schedules that can never fire, reported like any catalogue error at the scenario's <c>schedule</c>
/// line. The loader has already refused any cron Quartz cannot read; whether one fires needs the
/// catalogue's zone and blackout calendars, so this runs in the orchestrator once the catalogue has loaded.
/// </summary>
internal static class ScheduleCheck
{
    /// <summary>One error for each scheduled scenario with no fire time within <see cref="FireTimes.Horizon"/> of <paramref name="now"/>.</summary>
    public static IReadOnlyList<CatalogueError> Check(DrillCatalogue catalogue, DateTimeOffset now) =>
        [.. ScenarioSchedule.All(catalogue).Select(s => NeverFires(s, s.NextFires(now, 1), now)).OfType<CatalogueError>()];

    /// <summary>The error for a schedule whose forecast is empty; null when it fires.</summary>
    public static CatalogueError? NeverFires(ScenarioSchedule schedule, FireForecast forecast, DateTimeOffset now)
    {
        if (!forecast.NeverFires)
        {
            return null;
        }

        var scenario = schedule.Scenario;
        var blackedOut = schedule.Blackout is { } blackout && !FireTimes.Next(schedule.Cron, null, now, 1).NeverFires;
        var fix = blackedOut
            ? $"move the schedule to times that calendar(s) {string.Join(", ", schedule.Blackout!.Rules.Select(r => r.CalendarId))} allow, or narrow them; " +
              "or remove 'schedule' to run the drill on demand only"
            : "write a schedule with fire times ahead, such as \"0 0 2 ? * SUN\" (Sundays 02:00; leave out the year field), " +
              "or remove 'schedule' to run the drill on demand only";
        return new CatalogueError(schedule.Scenario.ScheduleLocation,
            $"'schedule' of scenario '{scenario.Id}' ({schedule.Text.Understood}, {schedule.Zone.Id}) never fires: {forecast.NeverFiresBecause}.", fix);
    }
}
