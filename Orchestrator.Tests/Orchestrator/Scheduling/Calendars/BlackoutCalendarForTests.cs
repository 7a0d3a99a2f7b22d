using Drills.Orchestrator.Scheduling.Calendars;
using Drills.Orchestrator.Tests.Scenarios;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling.Calendars;

public sealed class BlackoutCalendarForTests
{
    [Fact]
    public void Scenario_without_blackout_has_no_calendar()
    {
        var catalogue = CatalogueText.Load(CatalogueText.Minimal).Catalogue!;

        Assert.Null(BlackoutCalendar.For(catalogue, catalogue.Scenarios["web-kill"]));
    }

    [Fact]
    public void Scenario_calendar_combines_its_blackouts_in_the_catalogue_zone()
    {
        var yaml = CatalogueText.With("    system: web", "    system: web\n    blackout: [business-hours, tet]")
                   + "calendars:\n  business-hours: { daily: \"07:30-17:30\", weekdays: [mon, tue, wed, thu, fri] }\n  tet: { dates: [\"2027-02-05..2027-02-11\"] }\n"
                   + "defaults: { timezone: Europe/Berlin }\n";
        var catalogue = CatalogueText.Load(yaml).Catalogue!;

        var blackout = BlackoutCalendar.For(catalogue, catalogue.Scenarios["web-kill"])!;

        Assert.Equal(["business-hours", "tet"], blackout.Rules.Select(r => r.CalendarId));
        Assert.Equal("Europe/Berlin", blackout.TimeZone.Id);
        Assert.Equal("blackout:web-kill", BlackoutCalendar.NameFor("web-kill"));
    }
}
