namespace Drills.Bench.Output;

/// <summary>What one section measured: its tables, the targets beside their figures, and notes on method.</summary>
internal sealed class SectionReport(int number, string title)
{
    public int Number { get; } = number;

    public string Title { get; } = title;

    public List<Table> Tables { get; } = [];

    public List<Target> Targets { get; } = [];

    /// <summary>How it was measured and anything a reader must know to trust the figures.</summary>
    public List<string> Notes { get; } = [];

    public Table TargetTable()
    {
        var table = new Table($"Section {Number} targets", "target", "measured", "verdict", "why");
        foreach (var target in Targets)
        {
            table.Add(target.Goal, target.Measured, target.Verdict, target.Why);
        }

        return table;
    }
}
