using System.Text.RegularExpressions;
using Drills.Scenarios.Schedules;
using Quartz;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed partial class ScheduleTextTests
{
    [Theory]
    [InlineData("30 2 * * 1-5", "0 30 2 ? * MON-FRI")]
    [InlineData("0 2 * * 0", "0 0 2 ? * SUN")]
    [InlineData("0 2 * * 7", "0 0 2 ? * SUN")]
    [InlineData("0 2 * * 1-7", "0 0 2 * * ?")]
    [InlineData("0 2 * * 5-7", "0 0 2 ? * FRI-SUN")]
    [InlineData("0 2 * * 6,0", "0 0 2 ? * SAT,SUN")]
    [InlineData("0 2 * * sat-sun", "0 0 2 ? * SAT-SUN")]
    [InlineData("0 2 * * */2", "0 0 2 ? * */2")]
    [InlineData("0 2 * * 1-5/2", "0 0 2 ? * 2-6/2")]
    [InlineData("*/5 * * * *", "0 */5 * * * ?")]
    [InlineData("15 3 1 jan *", "0 15 3 1 JAN ?")]
    [InlineData("0 0 1,15 * *", "0 0 0 1,15 * ?")]
    [InlineData("0 0 1 jan-jun/2 *", "0 0 0 1 1-6/2 ?")]
    [InlineData("0 0 */2 * *", "0 0 0 */2 * ?")]
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

    [Fact]
    public void Month_names_under_a_step_are_read_as_numbers_and_said_so()
    {
        var schedule = ScheduleText.Parse("0 0 0 1 jan-jun/2 ?");

        Assert.Equal("0 0 0 1 1-6/2 ?", schedule.QuartzExpression);
        Assert.Equal("Quartz \"0 0 0 1 jan-jun/2 ?\" understood as \"0 0 0 1 1-6/2 ?\"", schedule.Understood);
    }

    [Theory]
    [InlineData("0 0 1 jan-jun/2 *", new[] { 1, 3, 5 })]
    [InlineData("0 0 1 JAN/3 *", new[] { 1, 4, 7, 10 })]
    [InlineData("0 0 0 1 nov-feb/2 ?", new[] { 1, 11 })]
    [InlineData("0 0 1 nov-feb *", new[] { 1, 2, 11, 12 })]
    [InlineData("0 0 0 1 11-2 ?", new[] { 1, 2, 11, 12 })]
    public void Month_steps_over_names_fire_in_the_stepped_months(string text, int[] months)
    {
        var cron = new CronExpression(ScheduleText.Parse(text).QuartzExpression, TimeZoneInfo.Utc);

        var fired = Enumerable.Range(1, 12).Where(m => cron.IsSatisfiedBy(new DateTimeOffset(2027, m, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(months, fired);
    }

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
    [InlineData("0 0 2 * * SUN")]
    [InlineData("0 0 2 1 * MON")]
    [InlineData("30 2 * * 0")]
    [InlineData("*/5 * * * *")]
    [InlineData("0 2 * * 7")]
    [InlineData("0 0 * * 5-1")]
    [InlineData("0 22-2 * * *")]
    public void Schedule_Quartz_reads_is_accepted(string text)
    {
        Assert.True(ScheduleText.TryParse(text, out _, out var problem, out _), problem);
    }

    [Theory]
    [InlineData("0 0 25 ? * SUN", "Hour values must be between 0 and 23")]
    [InlineData("60 0 2 ? * SUN", "Quartz refuses it")]
    [InlineData("0 0 2 ? FOO SUN", "Quartz refuses it")]
    [InlineData("0 0 2 ? * SUN 1800", "Year values must be between 1970")]
    [InlineData("0 ? 2 * * ?", "'?' can only be specified for Day-of-Month or Day-of-Week")]
    [InlineData("0 0 2 ? * 8", "Day-of-Week values must be between 1 and 7")]
    [InlineData("0 0 2 ? * SUN#6", "between 1 and 5 must follow the '#'")]
    [InlineData("0 0/0 2 ? * SUN", "A step of 0 is not a step")]
    [InlineData("0 0 0 ? * 6L,2", "'L' with other days of the week is not implemented")]
    [InlineData("0 0 0 ? * 2#1,6#3", "multiple \"nth\" days is not implemented")]
    [InlineData("0 0 0 ? * 2#1,3", "'#' applies to the whole day-of-week field")]
    [InlineData("0 0 2 ? * SUN * *", "8 field(s)")]
    [InlineData("every night", "2 field(s)")]
    [InlineData("0 24 * * *", "read as a 5-field crontab (min hour day-of-month month day-of-week), Quartz refuses it: Hour values")]
    [InlineData("0/10 * * ? *", "'?' belongs to a Quartz cron, which has 6 or 7 fields, so one may be missing")]
    public void Schedule_Quartz_refuses_is_refused_in_its_words(string text, string fragment)
    {
        Assert.False(ScheduleText.TryParse(text, out _, out var problem, out _));

        Assert.Contains(fragment, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 1? * 1")]
    [InlineData("?? ? ? ? ?")]
    public void Crontab_with_a_question_mark_inside_a_field_is_refused_not_suggested_without_end(string text)
    {
        // Found by fuzzing: the suggested crontab kept the '?' and was suggested again until the stack overflowed.
        Assert.False(ScheduleText.TryParse(text, out _, out var problem, out _));

        Assert.Contains("'?' belongs to a Quartz cron", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Crontab_restricting_both_day_fields_is_refused_with_the_Quartz_union_and_each_field_alone()
    {
        Assert.False(ScheduleText.TryParse("0 2 1 * 1-5", out _, out var problem, out var fix));

        Assert.Contains("day-of-month '1' and day-of-week '1-5' are both restricted", problem, StringComparison.Ordinal);
        Assert.Contains("fires on days matching either", problem, StringComparison.Ordinal);
        Assert.Contains("the Quartz cron \"0 0 2 1 * MON-FRI\"", fix, StringComparison.Ordinal);
        Assert.Contains("\"0 2 1 * *\" (day(s) 1 of the month)", fix, StringComparison.Ordinal);
        Assert.Contains("\"0 2 * * 1-5\" (weekday(s) 1-5)", fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 0 */2 * 1", "day-of-month '*/2' starts with '*'")]
    [InlineData("0 0 1 * */2", "day-of-week '*/2' starts with '*'")]
    public void Crontab_whose_day_rule_is_both_fields_is_refused_as_Quartz_cannot_say_it(string crontab, string fragment)
    {
        Assert.False(ScheduleText.TryParse(crontab, out _, out var problem, out var fix));

        Assert.Contains(fragment, problem, StringComparison.Ordinal);
        Assert.Contains("fires only on days matching both", problem, StringComparison.Ordinal);
        Assert.Contains("fire on one of them", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Question_mark_in_a_crontab_suggests_the_crontab_and_the_Quartz_cron_it_may_be()
    {
        Assert.False(ScheduleText.TryParse("0 0 ? * SUN", out _, out _, out var fix));

        Assert.Equal("write it as the crontab \"0 0 * * SUN\" or the Quartz cron \"0 0 0 ? * SUN\"", fix);
    }

    [Theory]
    [InlineData("0 0 ? * SUN")]
    [InlineData("0/10 * * ? *")]
    [InlineData("? 0 * * *")]
    [InlineData("0 2 1 * 1-5")]
    [InlineData("0 0 1,15 * 1")]
    [InlineData("0 0 L * 1")]
    [InlineData("0 0 */2 * 1")]
    [InlineData("0 0 1 * */2")]
    [InlineData("0 0 */2 * */3")]
    [InlineData("0 0 0 ? * 6L,2")]
    [InlineData("0 0 0 ? * 2#1,6#3")]
    [InlineData("0 0 0 ? * 2#1,3")]
    [InlineData("0 0 25 ? * SUN")]
    [InlineData("0 24 * * *")]
    [InlineData("every night")]
    public void Every_schedule_a_fix_suggests_is_itself_valid(string text)
    {
        Assert.False(ScheduleText.TryParse(text, out _, out _, out var fix));

        var suggested = Quoted().Matches(fix).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(suggested);
        Assert.All(suggested, s => Assert.True(ScheduleText.TryParse(s, out _, out var problem, out _), $"'{s}' in the fix for '{text}': {problem}"));
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

    [Theory]
    [InlineData("0 0 * * 1/2", new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    [InlineData("0 0 * * mon/2", new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday })]
    [InlineData("0 0 * * 5/1", new[] { DayOfWeek.Sunday, DayOfWeek.Friday, DayOfWeek.Saturday })]
    [InlineData("0 0 * * 5-1", new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Saturday })]
    public void Crontab_weekday_steps_and_reversed_ranges_run_through_Sunday(string crontab, DayOfWeek[] days)
    {
        var cron = new CronExpression(ScheduleText.Parse(crontab).QuartzExpression, TimeZoneInfo.Utc);

        var fired = Enumerable.Range(0, 7).Select(d => new DateTimeOffset(2027, 1, 3 + d, 0, 0, 0, TimeSpan.Zero)).Where(cron.IsSatisfiedBy);

        Assert.Equal(days, fired.Select(d => d.DayOfWeek));
    }

    [Fact]
    public void Quartz_cron_restricting_both_day_fields_fires_on_days_matching_either()
    {
        var cron = new CronExpression(ScheduleText.Parse("0 0 2 1 * MON").QuartzExpression, TimeZoneInfo.Utc);

        var fired = Enumerable.Range(0, 14).Select(d => new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero).AddDays(d)).Where(cron.IsSatisfiedBy);

        Assert.Equal([1, 4, 11], fired.Select(d => d.Day));
    }

    [Fact]
    public void Quartz_macro_is_read_as_the_cron_it_stands_for()
    {
        Assert.Equal("Quartz \"@daily\" understood as \"0 0 0 * * ?\"", ScheduleText.Parse("@daily").Understood);
    }

    [Fact]
    public void Parse_of_an_invalid_text_throws()
    {
        Assert.Throws<FormatException>(() => ScheduleText.Parse("every night"));
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex Quoted();
}
