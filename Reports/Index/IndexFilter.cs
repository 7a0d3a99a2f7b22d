namespace Drills.Reports.Index;

/// <summary>Which systems the index shows: one agency (case ignored), one security level, or all.</summary>
internal sealed record IndexFilter(string? Agency = null, int? Level = null)
{
    public static IndexFilter All { get; } = new();

    public bool IsAll => Agency is null && Level is null;

    public bool Keeps(IndexRow row) =>
        (Agency is null || string.Equals(row.Agency.Trim(), Agency.Trim(), StringComparison.OrdinalIgnoreCase))
        && (Level is null || row.Level == Level);
}
