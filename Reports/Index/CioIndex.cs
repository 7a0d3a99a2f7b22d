namespace Drills.Reports.Index;

/// <summary>The recovery readiness index (chỉ số sẵn sàng khôi phục) at one moment: every system, worst first.</summary>
/// <param name="CatalogueKnown">False when no catalogue could be read: every row then comes from stored runs alone.</param>
internal sealed record CioIndex(DateTimeOffset GeneratedAtUtc, IReadOnlyList<IndexRow> Rows, IndexFilter Filter, bool CatalogueKnown)
{
    public int Failing => Rows.Count(row => row.Failing);

    public int Overdue => Rows.Count(row => row.Overdue);

    public int NeverDrilled => Rows.Count(row => row.Last is null);
}
