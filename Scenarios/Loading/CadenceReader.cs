using System.Globalization;
using System.Text.RegularExpressions;
using Drills.Scenarios.Regulation;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A cadence as written: <c>yearly</c>, <c>half-yearly</c>, <c>quarterly</c>, <c>monthly</c> or a number of months, <c>18mo</c>.</summary>
internal static partial class CadenceReader
{
    private static readonly Dictionary<string, int> Named = new(StringComparer.Ordinal)
    {
        ["yearly"] = 12,
        ["half-yearly"] = 6,
        ["quarterly"] = 3,
        ["monthly"] = 1,
    };

    public static Cadence? Read(NodeReader reader, YamlNode node, string what)
    {
        if (reader.Text(node, what) is not { } text)
        {
            return null;
        }

        if (Named.TryGetValue(text, out var named))
        {
            return new Cadence(named);
        }

        if (MonthsPattern().Match(text) is { Success: true } match
            && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            && months is >= 1 and <= Cadence.MaxMonths)
        {
            return new Cadence(months);
        }

        reader.Report(node, $"{what} '{text}' is not a cadence.",
            $"write yearly, half-yearly, quarterly, monthly or a number of months from 1mo to {Cadence.MaxMonths.ToString(CultureInfo.InvariantCulture)}mo, such as 18mo");
        return null;
    }

    [GeneratedRegex(@"^([0-9]{1,3})mo\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthsPattern();
}
