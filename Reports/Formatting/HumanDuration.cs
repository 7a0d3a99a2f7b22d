using System.Globalization;

namespace Drills.Reports.Formatting;

/// <summary>
/// Durations as a reader says them: "850 ms", "2.4 s", "3 min 12 s", "25 h 0 min".
/// One helper so that a measured time and its target always read alike across every report.
/// </summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            // Journals never run backwards, but a clock adjustment must not print garbage.
            return "-" + Format(value.Duration());
        }

        var milliseconds = Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero);
        if (milliseconds < 1 && value > TimeSpan.Zero)
        {
            return "< 1 ms";
        }

        if (milliseconds < 1000)
        {
            return Invariant($"{milliseconds:0} ms");
        }

        // Rounding to tenths first keeps 59.96 s from printing as "60.0 s".
        var tenths = Math.Round(value.TotalSeconds * 10, MidpointRounding.AwayFromZero);
        if (tenths < 600)
        {
            return Invariant($"{tenths / 10:0.0} s");
        }

        // Above a minute the fraction is noise next to the target, so whole units are truncated:
        // a measured 4 h 0 min 0.3 s never reads as exactly "4 h".
        // At least a minute here, or 59.96 s (rounded above to "60.0 s") would read "0 min 59 s".
        var seconds = Math.Max((long)Math.Floor(value.TotalSeconds), 60);
        var isExact = value.Ticks % TimeSpan.TicksPerSecond == 0;
        if (seconds < 3600)
        {
            var (minutes, rest) = Math.DivRem(seconds, 60);
            return rest == 0 && isExact ? Invariant($"{minutes} min") : Invariant($"{minutes} min {rest} s");
        }

        // Hours stay hours past a day: targets are stated against a 24-hour ceiling.
        var (hours, remainder) = Math.DivRem(seconds, 3600);
        return remainder == 0 && isExact
            ? Invariant($"{hours} h")
            : Invariant($"{hours} h {remainder / 60} min");
    }

    /// <summary>An offset from the start of the drill, e.g. "+2.4 s".</summary>
    public static string FormatElapsed(TimeSpan sinceStart) => "+" + Format(sinceStart);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
