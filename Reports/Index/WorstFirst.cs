namespace Drills.Reports.Index;

/// <summary>
/// The index's order: systems that need attention (last drill failed or aborted, or overdue) before the
/// others; then by the last recovery time as a share of its target, largest first, with no recovery at
/// all (never drilled, not recovered) the largest; then by system id, so the order never depends on the store.
/// </summary>
internal sealed class WorstFirst : IComparer<IndexRow>
{
    public static WorstFirst Instance { get; } = new();

    public int Compare(IndexRow? x, IndexRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var attention = y.NeedsAttention.CompareTo(x.NeedsAttention);
        if (attention != 0)
        {
            return attention;
        }

        var share = y.SortShare.CompareTo(x.SortShare);
        return share != 0 ? share : string.CompareOrdinal(x.SystemId, y.SystemId);
    }
}
