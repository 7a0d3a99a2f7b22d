using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;

using static Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills validate</c> on scheduled scenarios: how each schedule was read, and schedules that can never fire.</summary>
public sealed class ValidateScheduleTests
{
    [Fact]
    public async Task Validate_shows_how_a_crontab_was_understood_its_zone_and_next_fire()
    {
        using var catalogue = new ScheduledCatalogue();

        var result = await CliProcess.RunAsync("validate", catalogue.Path, "--data-dir", catalogue.DataDir);

        Assert.Equal(ExitCodes.Passed, result.ExitCode);
        Assert.Contains("crontab \"30 2 * * 1-5\" understood as Quartz \"0 30 2 ? * MON-FRI\"", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh (UTC+07:00)", Flat(result.Stdout), StringComparison.Ordinal);
        Assert.Matches(@"02:30:00 \+07:00 \(\d{4}-\d\d-\d\d 19:30 UTC\)", Flat(result.Stdout));
        Assert.DoesNotContain("runs drills on demand", Flat(result.Stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cron_in_a_past_year_is_an_error_at_its_schedule_line_with_the_fix()
    {
        using var catalogue = new ScheduledCatalogue(schedule: "0 0 2 1 1 ? 2020");

        var result = await CliProcess.RunAsync("validate", catalogue.Path, "--data-dir", catalogue.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("test.yaml:12:15: error: 'schedule' of scenario 'web-kill'", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("never fires: its cron has no fire time", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("fix: write a schedule with fire times ahead", Flat(result.Stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_blacked_out_every_day_is_an_error_naming_the_calendar()
    {
        using var catalogue = new ScheduledCatalogue(
            calendars: "  always: { weekdays: [mon, tue, wed, thu, fri, sat, sun] }", blackout: "[always]");

        var result = await CliProcess.RunAsync("validate", catalogue.Path, "--data-dir", catalogue.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("test.yaml:12:15", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("falls inside its blackout (always)", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("calendar(s) always allow", Flat(result.Stderr), StringComparison.Ordinal);
    }
}
