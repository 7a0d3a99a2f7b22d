using Drills.Scenarios.Schedules;
using Quartz;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class ScheduleTextTests
{
    [Theory]
    [InlineData("30 2 * * 1-5", "0 30 2 ? * MON-FRI")]
    [InlineData("0 2 * * 0", "0 0 2 ? * SUN")]
    [InlineData("0 2 * * 7", "0 0 2 ? * SUN")]
    [InlineData("0 2 * * 1-7", "0 0 2 ? * SUN-SAT")]
    [InlineData("0 2 * * 5-7", "0 0 2 ? * SUN,FRI,SAT")]
    [InlineData("0 2 * * 6,0", "0 0 2 ? * SUN,SAT")]
    [InlineData("0 2 * * sat-sun", "0 0 2 ? * SUN,SAT")]
    [InlineData("0 2 * * */2", "0 0 2 ? * SUN,TUE,THU,SAT")]
    [InlineData("0 2 * * 1-5/2", "0 0 2 ? * MON,WED,FRI")]
    [InlineData("*/5 * * * *", "0 */5 * * * ?")]
    [InlineData("15 3 1 jan *", "0 15 3 1 JAN ?")]
    [InlineData("0 0 1,15 * *", "0 0 0 1,15 * ?")]
    public void Crontab_is_translated_to_the_Quartz_expression_with_seconds_zero(string crontab, string quartz)
    {
        var schedule = ScheduleText.Parse(crontab);

        Assert.True(schedule.IsCrontab);
        Assert.Equal(quartz, schedule.QuartzExpression);
    }

    [Fact]
    public void Crontab_translation_says_how_it_was_understood()
    {
        Assert.Equal("crontab \"30 2 * * 1-5\" understood as Quartz \"0 30 2 ? * MON-FRI\"", ScheduleText.Parse("30 2 * * 1-5").Understood);
    }

    [Fact]
    public void Quartz_text_is_kept_as_written_with_single_spaces()
    {
        var schedule = ScheduleText.Parse("0  0 2 ? * SUN");

        Assert.False(schedule.IsCrontab);
        Assert.Equal("0 0 2 ? * SUN", schedule.QuartzExpression);
        Assert.Equal("Quartz \"0 0 2 ? * SUN\"", schedule.Understood);
    }

    [Theory]
    [InlineData("30 2 * * 1-5")]
    [InlineData("0 2 * * 0")]
    [InlineData("0 2 * * 7")]
    [InlineData("0 2 * * 5-7")]
    [InlineData("0 2 * * */2")]
    [InlineData("*/20 8-9 * * *")]
    [InlineData("15 3 1 jan *")]
    [InlineData("0 0 1,15 * *")]
    public void Translated_crontab_fires_when_Quartz_reads_the_crontab_itself(string crontab)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var ours = new CronExpression(ScheduleText.Parse(crontab).QuartzExpression, zone);
        var theirs = CronExpression.Parse(crontab, CronFormat.Unix).WithTimeZone(zone);

        var at = new DateTimeOffset(2026, 12, 28, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            var next = ours.GetNextValidTimeAfter(at);
            Assert.Equal(theirs.GetNextValidTimeAfter(at), next);
            at = next!.Value;
        }
    }

    [Fact]
    public void Crontab_restricting_both_day_fields_is_refused_with_both_ways_to_write_it()
    {
        Assert.False(ScheduleText.TryParse("0 2 1 * 1-5", out _, out var problem, out var fix));

        Assert.Contains("day-of-month '1' and day-of-week '1-5' are both restricted", problem, StringComparison.Ordinal);
        Assert.Contains("either", problem, StringComparison.Ordinal);
        Assert.Contains("\"0 2 1 * *\"", fix, StringComparison.Ordinal);
        Assert.Contains("\"0 2 * * 1-5\"", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_text_names_the_field_and_suggests_both_forms()
    {
        Assert.False(ScheduleText.TryParse("0 25 * * *", out _, out var problem, out var fix));

        Assert.Contains("hour field '25'", problem, StringComparison.Ordinal);
        Assert.Contains("Quartz cron such as", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_an_invalid_text_throws()
    {
        Assert.Throws<FormatException>(() => ScheduleText.Parse("every night"));
    }
}
