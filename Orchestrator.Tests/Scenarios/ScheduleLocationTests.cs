namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class ScheduleLocationTests
{
    [Fact]
    public void Scenario_remembers_where_its_schedule_was_written()
    {
        var yaml = CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 2 * * 0\"");

        var scenario = CatalogueText.Load(yaml).Catalogue!.Scenarios["web-kill"];

        Assert.Equal(12, scenario.ScheduleLocation.Line);
        Assert.Equal(15, scenario.ScheduleLocation.Column);
    }

    [Fact]
    public void Unscheduled_scenario_points_at_itself()
    {
        var scenario = CatalogueText.Load(CatalogueText.Minimal).Catalogue!.Scenarios["web-kill"];

        Assert.Equal(scenario.Location, scenario.ScheduleLocation);
    }
}
