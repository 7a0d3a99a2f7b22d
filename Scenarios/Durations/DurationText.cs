namespace Drills.Scenarios.Durations;

/// <summary>Durations as the format writes them: 90s, 30m, 4h, 1d, 1h30m.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan value) => throw new NotImplementedException();

    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{(int)value.TotalMilliseconds}ms";
        }

        var parts = new List<string>();
        if (value.Days > 0) parts.Add($"{value.Days}d");
        if (value.Hours > 0) parts.Add($"{value.Hours}h");
        if (value.Minutes > 0) parts.Add($"{value.Minutes}m");
        if (value.Seconds > 0 || parts.Count == 0) parts.Add($"{value.Seconds}s");
        return string.Concat(parts);
    }
}
