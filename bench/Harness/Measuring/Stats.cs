using static System.FormattableString;

namespace Drills.Bench.Measuring;

/// <summary>Order statistics of a sample: the figures every table prints.</summary>
internal sealed record Stats(int Count, double Median, double P25, double P75, double P99, double Min, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new Stats(sorted.Length, Quantile(sorted, 0.5), Quantile(sorted, 0.25), Quantile(sorted, 0.75), Quantile(sorted, 0.99), sorted[0], sorted[^1]);
    }

    /// <summary>Linear interpolation between closest ranks, as most statistics packages do.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    /// <summary>"0.183 s (0.171–0.204)": the median with its interquartile range.</summary>
    public string Seconds(string format = "0.000") =>
        Count == 0 ? "—" : Invariant($"{Median.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} s ({P25.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}–{P75.ToString(format, System.Globalization.CultureInfo.InvariantCulture)})");
}
