using System.Globalization;
using System.Text;

namespace Drills.Scenarios.Durations;

/// <summary>Durations as the format writes them: 90s, 30m, 4h, 1d, 1h30m, and 500ms.</summary>
internal static class DurationText
{
    // Largest first: a written duration must list its units in this order, each at most once.
    private static readonly (string Suffix, TimeSpan Unit)[] Units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    /// <summary>The hint every duration error carries, so authors see one consistent list of forms.</summary>
    public const string Forms = "90s, 30m, 4h, 1d, 1h30m or 500ms";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var total = TimeSpan.Zero;
        var position = 0;
        var nextUnit = 0;
        while (position < text.Length)
        {
            if (!TryReadComponent(text, ref position, ref nextUnit, out var component))
            {
                return false;
            }

            try
            {
                total = checked(total + component);
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        value = total;
        return total > TimeSpan.Zero;
    }

    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Duration());
        }

        var builder = new StringBuilder();
        var rest = value;
        foreach (var (suffix, unit) in Units)
        {
            // Under two days, hours read better: recovery targets are spoken of as "24h", not "1d".
            if (suffix == "d" && value < TimeSpan.FromDays(2))
            {
                continue;
            }

            var count = rest.Ticks / unit.Ticks;
            if (count > 0)
            {
                builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(suffix);
                rest -= TimeSpan.FromTicks(count * unit.Ticks);
            }
        }

        return builder.Length == 0 ? "0s" : builder.ToString();
    }

    private static bool TryReadComponent(string text, ref int position, ref int nextUnit, out TimeSpan component)
    {
        component = TimeSpan.Zero;
        var digitsStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            position++;
        }

        if (position == digitsStart
            || !long.TryParse(text.AsSpan(digitsStart, position - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        var unitIndex = MatchUnit(text, position);
        if (unitIndex < nextUnit)
        {
            return false;
        }

        position += Units[unitIndex].Suffix.Length;
        nextUnit = unitIndex + 1;
        try
        {
            component = TimeSpan.FromTicks(checked(count * Units[unitIndex].Unit.Ticks));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    // Returns -1 when no unit follows; "ms" is tried before "m" so 500ms is not read as 500 minutes.
    private static int MatchUnit(string text, int position)
    {
        if (string.CompareOrdinal(text, position, "ms", 0, 2) == 0)
        {
            return Units.Length - 1;
        }

        if (position >= text.Length)
        {
            return -1;
        }

        for (var i = 0; i < Units.Length - 1; i++)
        {
            if (text[position] == Units[i].Suffix[0])
            {
                return i;
            }
        }

        return -1;
    }
}
