using System.Globalization;
using System.Text;

namespace Drills.Reports.Index;

/// <summary>
/// <c>drills index --csv FILE</c>: the same rows and fields as --json, RFC 4180 (CRLF lines; a field with a
/// comma, quote or line break quoted, quotes doubled). A text starting with = + - @ (or a tab or carriage return) gets a leading
/// apostrophe, so a spreadsheet shows it instead of running it as a formula: a system title is written by
/// whoever edits the catalogue.
/// </summary>
internal static class IndexCsv
{
    public static string Write(CioIndex index)
    {
        var csv = new StringBuilder();
        Line(csv, IndexFields.Names);
        foreach (var row in index.Rows)
        {
            Line(csv, IndexFields.Of(row).Values().Select(Text).ToArray());
        }

        return csv.ToString();
    }

    /// <summary>A field as written: formula-safe, then quoted when it must be.</summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IReadOnlyList<string> values)
    {
        csv.AppendJoin(',', values.Select(Field));
        csv.Append("\r\n");
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
