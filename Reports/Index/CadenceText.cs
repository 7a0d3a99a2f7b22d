using System.Globalization;
using Drills.Reports.AfterAction;
using Drills.Scenarios.Regulation;

namespace Drills.Reports.Index;

/// <summary>A drill cadence and the drills done within it, in words.</summary>
internal static class CadenceText
{
    public static Bilingual Of(Cadence cadence) => cadence.Months switch
    {
        12 => new("hằng năm", "yearly"),
        6 => new("6 tháng một lần", "every 6 months"),
        3 => new("hằng quý", "quarterly"),
        1 => new("hằng tháng", "monthly"),
        var months => new(Invariant($"{months} tháng một lần"), Invariant($"every {months} months")),
    };

    /// <summary>"1 drill in the last 12 months".</summary>
    public static Bilingual DrillsWithin(int drills, Cadence cadence) => new(
        Invariant($"{drills} lần diễn tập trong {cadence.Months} tháng qua"),
        Invariant($"{drills} {(drills == 1 ? "drill" : "drills")} in the last {cadence.Months} {(cadence.Months == 1 ? "month" : "months")}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
