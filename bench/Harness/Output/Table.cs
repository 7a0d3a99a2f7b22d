using System.Text;

namespace Drills.Bench.Output;

/// <summary>One table of a section: printed aligned on the console and as Markdown in BENCHMARKS.md.</summary>
internal sealed class Table(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public string Title { get; } = title;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<string[]> Rows => _rows;

    public Table Add(params string[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"table '{Title}' has {Columns.Count} columns, got {cells.Length} cells", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public string ToConsole()
    {
        var widths = Columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        var text = new StringBuilder().AppendLine(Title);
        text.AppendLine(Line(Columns, widths)).AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            text.AppendLine(Line(row, widths));
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder().Append("**").Append(Title).AppendLine("**").AppendLine();
        text.Append("| ").AppendJoin(" | ", Columns.Select(Escape)).AppendLine(" |");
        text.Append('|').AppendJoin('|', Columns.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in _rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        return text.ToString();
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
