using Drills.Reports.Formatting;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0 ms")]
    [InlineData(0.4, "< 1 ms")]
    [InlineData(1, "1 ms")]
    [InlineData(850, "850 ms")]
    [InlineData(999.4, "999 ms")]
    [InlineData(999.6, "1.0 s")]
    [InlineData(1_000, "1.0 s")]
    [InlineData(2_400, "2.4 s")]
    [InlineData(2_449, "2.4 s")]
    [InlineData(59_940, "59.9 s")]
    [InlineData(59_960, "1 min 0 s")]
    [InlineData(60_000, "1 min")]
    [InlineData(192_000, "3 min 12 s")]
    [InlineData(192_700, "3 min 12 s")]
    [InlineData(3_599_999, "59 min 59 s")]
    [InlineData(3_600_000, "1 h")]
    [InlineData(14_400_000, "4 h")]
    [InlineData(14_400_300, "4 h 0 min")]
    [InlineData(5_400_000, "1 h 30 min")]
    [InlineData(86_400_000, "24 h")]
    [InlineData(90_030_000, "25 h 0 min")]
    [InlineData(-2_400, "-2.4 s")]
    public void Formats_durations_the_way_a_reader_says_them(double milliseconds, string expected)
    {
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Elapsed_offsets_carry_a_plus_sign()
    {
        Assert.Equal("+850 ms", HumanDuration.FormatElapsed(TimeSpan.FromMilliseconds(850)));
    }
}
