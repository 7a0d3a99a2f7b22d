namespace Drills.Scenarios.Durations;

/// <summary>Durations as the format writes them: 90s, 30m, 4h, 1d, 1h30m.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value) => throw new NotImplementedException();

    public static string Format(TimeSpan value) => throw new NotImplementedException();
}
