using System.Globalization;

namespace Drills.Bench.Measuring;

/// <summary>
/// How much slower A is than B, from interleaved rounds: the median of the per-round ratios A/B and their
/// interquartile range. Pairing each A with the B run beside it cancels most of a noisy machine's drift.
/// </summary>
internal sealed record Ratio(Stats OfRounds)
{
    public static Ratio Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count)
        {
            throw new ArgumentException("interleaved samples come in pairs", nameof(b));
        }

        return new Ratio(Stats.Of(a.Zip(b, (x, y) => y > 0 ? x / y : double.NaN).Where(r => !double.IsNaN(r))));
    }

    public double Median => OfRounds.Median;

    /// <summary>"1.84× (1.71–2.02)".</summary>
    public override string ToString() =>
        OfRounds.Count == 0
            ? "—"
            : string.Create(CultureInfo.InvariantCulture, $"{OfRounds.Median:0.00}× ({OfRounds.P25:0.00}–{OfRounds.P75:0.00})");
}
