using System.Text.Json;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// One line of the stopwatch: the service went <see cref="Up"/> (or down) between <see cref="Since"/> (the last poll in
/// the old state; null on the first line) and <see cref="At"/> (the first poll in the new one), both UTC send times.
/// </summary>
internal sealed record Transition(bool Up, DateTimeOffset At, DateTimeOffset? Since)
{
    public static Transition Parse(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new Transition(
            root.GetProperty("state").GetString() == "up",
            root.GetProperty("at").GetDateTimeOffset(),
            root.TryGetProperty("since", out var since) ? since.GetDateTimeOffset() : null);
    }
}
