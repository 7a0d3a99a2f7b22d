using System.Globalization;

namespace Drills.Scenarios.Regulation;

/// <summary>
/// How often something must happen, in calendar months (a drill every 12 months, a restore test every 6).
/// Months, not a duration: "yearly" means the same date next year, whatever its length.
/// </summary>
internal sealed record Cadence
{
    public const int MaxMonths = 60;

    public Cadence(int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(months, MaxMonths);
        Months = months;
    }

    public int Months { get; }

    public static Cadence Yearly { get; } = new(12);
    public static Cadence HalfYearly { get; } = new(6);
    public static Cadence Quarterly { get; } = new(3);

    /// <summary>When the next occurrence is due after one at <paramref name="lastUtc"/>.</summary>
    public DateTimeOffset DueAfter(DateTimeOffset lastUtc) => lastUtc.AddMonths(Months);

    /// <summary>How it is written in a catalogue: <c>12mo</c>.</summary>
    public string Written => Months.ToString(CultureInfo.InvariantCulture) + "mo";

    public override string ToString() => Written;
}
