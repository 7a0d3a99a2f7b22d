using System.Text;
using System.Text.RegularExpressions;

namespace Drills.Bench.Output;

/// <summary>
/// BENCHMARKS.md: a hand-written head and tail (method, before/after rows) around generated sections, each
/// between markers, so a run of some sections replaces only those and keeps the rest.
/// </summary>
internal static partial class BenchmarksFile
{
    private const string Head = """
        # Benchmarks

        What drills costs, measured by `scripts/bench` (all sections, under 15 minutes on 2 cores) and
        `scripts/bench --quick` (fewer rounds, smaller sizes, under 3 minutes; CI runs it to prove the suite works and
        writes nothing). Figures are printed and recorded here, never asserted. Comparisons are interleaved (A B A B …)
        and given as the median of per-round ratios with their interquartile range; absolute seconds stand beside them.
        A section between markers is rewritten by the next full run; everything outside the markers is kept.

        """;

    public static async Task WriteAsync(string path, IEnumerable<SectionReport> reports, string machineLine, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : Head;
        var sections = new SortedDictionary<int, string>();
        foreach (Match match in SectionPattern().Matches(existing))
        {
            sections[int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)] = match.Value;
        }

        var matches = SectionPattern().Matches(existing);
        var prefix = matches.Count == 0 ? existing : existing[..matches[0].Index];
        var suffix = matches.Count == 0 ? "" : existing[(matches[^1].Index + matches[^1].Length)..];
        foreach (var report in reports)
        {
            sections[report.Number] = Render(report, machineLine);
        }

        var text = new StringBuilder(prefix.TrimEnd()).AppendLine().AppendLine();
        foreach (var section in sections.Values)
        {
            text.AppendLine(section.Trim()).AppendLine();
        }

        text.Append(suffix.TrimStart());
        await File.WriteAllTextAsync(path, text.ToString().TrimEnd() + "\n", cancellationToken);
    }

    private static string Render(SectionReport report, string machineLine)
    {
        var text = new StringBuilder();
        text.Append("<!-- bench:").Append(report.Number).AppendLine(":begin -->");
        text.Append("## ").Append(report.Number).Append(". ").AppendLine(report.Title).AppendLine();
        text.AppendLine(machineLine).AppendLine();
        foreach (var table in report.Tables)
        {
            text.AppendLine(table.ToMarkdown());
        }

        if (report.Targets.Count > 0)
        {
            text.AppendLine(report.TargetTable().ToMarkdown());
        }

        foreach (var note in report.Notes)
        {
            text.Append("- ").AppendLine(note);
        }

        text.Append("<!-- bench:").Append(report.Number).AppendLine(":end -->");
        return text.ToString();
    }

    [GeneratedRegex(@"<!-- bench:(?<n>\d+):begin -->.*?<!-- bench:\k<n>:end -->", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();
}
