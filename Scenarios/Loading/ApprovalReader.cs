using System.Globalization;
using Drills.Scenarios.Regulation;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>A system's optional <c>approval: { decision: "...", date: 2026-09-15 }</c>: the decision that approved its security level.</summary>
internal static class ApprovalReader
{
    private static readonly string[] Keys = ["decision", "date"];

    public static ApprovalReference? Read(NodeReader reader, YamlNode node, string what)
    {
        var where = $"'approval' of {what}";
        if (reader.Mapping(node, where, Keys) is not { } fields)
        {
            return null;
        }

        var decision = fields.RequiredText("decision", "\"1234/QĐ-UBND\"");
        DateOnly? date = null;
        if (fields.Optional("date") is { } dateNode && reader.Text(dateNode, $"'date' of {where}") is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                reader.Report(dateNode, $"'date' of {where} is '{text}', which is not a date.", "write the decision's date as YYYY-MM-DD, such as 2026-09-15");
                return null;
            }
        }

        return decision is null ? null : new ApprovalReference(decision, date);
    }
}
