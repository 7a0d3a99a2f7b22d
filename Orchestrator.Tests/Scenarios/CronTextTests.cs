using Drills.Scenarios.Schedules;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class CronTextTests
{
    [Theory]
    [InlineData("0 0 2 ? * SUN")]
    [InlineData("0 0 2 ? * sun")]
    [InlineData("0 */15 * * * ?")]
    [InlineData("0 30 7-17 ? * MON-FRI")]
    [InlineData("0 0 0 L * ?")]
    [InlineData("0 0 0 15W * ?")]
    [InlineData("0 0 0 ? * 6L")]
    [InlineData("0 0 0 ? * 2#1")]
    [InlineData("0 0 12 1,15 JAN,JUL ? 2027")]
    [InlineData("0 0 12 1 1 ? 2027-2030")]
    [InlineData("30 2 * * 0")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 2 * * 7")]
    public void Valid_schedule_is_accepted(string cron)
    {
        Assert.True(CronText.TryValidate(cron, out var problem), problem);
    }

    [Theory]
    [InlineData("0 0 25 ? * SUN", "hour field '25'")]
    [InlineData("60 0 2 ? * SUN", "second field '60'")]
    [InlineData("0 0 2 ? FOO SUN", "month field 'FOO'")]
    [InlineData("0 0 2 ? * SUN 1800", "year field '1800'")]
    [InlineData("0 0 2 * * SUN", "exactly one of them must be '?'")]
    [InlineData("0 0 2 ? * ?", "both '?'")]
    [InlineData("0 ? 2 * * ?", "minute field '?'")]
    [InlineData("0 0 2 ? * 8", "day-of-week field '8'")]
    [InlineData("0 0 2 ? * SUN#6", "day-of-week field 'SUN#6'")]
    [InlineData("0 0/0 2 ? * SUN", "minute field '0/0'")]
    [InlineData("0 0 2 ? * SUN * *", "8 field(s)")]
    [InlineData("every night", "2 field(s)")]
    [InlineData("0 0 2 ,1 * ?", "day-of-month field ',1'")]
    [InlineData("0 24 * * *", "read as a 5-field crontab (min hour day-of-month month day-of-week), the hour field '24'")]
    [InlineData("0/10 * * ? *", "'?' belongs to a Quartz cron, which has 6 or 7 fields: one may be missing")]
    public void Invalid_schedule_names_the_wrong_field(string cron, string fragment)
    {
        Assert.False(CronText.TryValidate(cron, out var problem));
        Assert.Contains(fragment, problem, StringComparison.Ordinal);
    }
}
