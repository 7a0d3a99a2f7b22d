using Drills.Scenarios.Durations;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class DurationTextTests
{
    public static TheoryData<string, TimeSpan> ValidDurations => new()
    {
        { "90s", TimeSpan.FromSeconds(90) },
        { "30m", TimeSpan.FromMinutes(30) },
        { "4h", TimeSpan.FromHours(4) },
        { "1d", TimeSpan.FromDays(1) },
        { "1h30m", TimeSpan.FromMinutes(90) },
        { "1d2h", TimeSpan.FromHours(26) },
        { "500ms", TimeSpan.FromMilliseconds(500) },
        { "1m500ms", TimeSpan.FromMilliseconds(60_500) },
        { "2h0m", TimeSpan.FromHours(2) },
        { "1d1h1m1s1ms", new TimeSpan(1, 1, 1, 1, 1) },
    };

    [Theory]
    [MemberData(nameof(ValidDurations))]
    public void Written_duration_parses_to_its_value(string text, TimeSpan expected)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("90")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("1h 30m")]
    [InlineData(" 4h")]
    [InlineData("30m1h")]
    [InlineData("1h1h")]
    [InlineData("4H")]
    [InlineData("1.5h")]
    [InlineData("h")]
    [InlineData("4 hours")]
    [InlineData("10x")]
    [InlineData("500ms1s")]
    [InlineData("99999999999999999d")]
    public void Malformed_duration_is_refused(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(5_400_000, "1h30m")]
    [InlineData(86_400_000, "24h")]
    [InlineData(93_600_000, "26h")]
    [InlineData(172_800_000, "2d")]
    [InlineData(180_000_000, "2d2h")]
    [InlineData(14_400_000, "4h")]
    public void Duration_formats_in_its_shortest_form(long milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("90s")]
    [InlineData("1h30m")]
    [InlineData("1d2h3m4s5ms")]
    public void Formatted_duration_parses_back_to_the_same_value(string text)
    {
        Assert.True(DurationText.TryParse(text, out var value));
        Assert.True(DurationText.TryParse(DurationText.Format(value), out var again));
        Assert.Equal(value, again);
    }
}
