using Drills.Orchestrator.Scheduling;
using Drills.Orchestrator.Tests.Scenarios;

namespace Drills.Orchestrator.Tests.Orchestrator.Scheduling;

public sealed class ScheduleCheckTests
{
    private static readonly string Yaml = CatalogueText.With("    system: web", "    system: web\n    schedule: \"0 0 2 1 1 ? 2027\"");

    [Fact]
    public void Schedule_with_a_fire_ahead_passes()
    {
        var catalogue = CatalogueText.Load(Yaml).Catalogue!;

        Assert.Empty(ScheduleCheck.Check(catalogue, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Same_schedule_checked_after_its_last_fire_is_an_error_at_the_schedule_line()
    {
        var catalogue = CatalogueText.Load(Yaml).Catalogue!;

        var error = Assert.Single(ScheduleCheck.Check(catalogue, new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal((12, 15), (error.Location.Line, error.Location.Column));
        Assert.Contains("'schedule' of scenario 'web-kill' (Quartz \"0 0 2 1 1 ? 2027\", Asia/Ho_Chi_Minh) never fires", error.Message, StringComparison.Ordinal);
        Assert.Contains("leave out the year field", error.Fix, StringComparison.Ordinal);
    }
}
