namespace Drills.Orchestrator.Integrity;

/// <summary>How a data manifest differs from the baseline's.</summary>
internal sealed record ManifestComparison(
    int BaselineFiles,
    IReadOnlyList<ManifestChange> Changes,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Missing)
{
    public bool Matches => Changes.Count == 0 && Added.Count == 0 && Missing.Count == 0;

    /// <summary>The paths whose entry changed.</summary>
    public IReadOnlyList<string> Changed => Changes.Select(c => c.Path).ToArray();

    public string Describe()
    {
        if (Matches)
        {
            return $"all {BaselineFiles} entries match the baseline (SHA-256 of files, folders, links, modes, owners)";
        }

        return $"{Changes.Count} changed, {Added.Count} added, {Missing.Count} missing of {BaselineFiles}" +
               Sample("changed", Changes.Select(c => c.ToString()).ToArray()) + Sample("added", Added) + Sample("missing", Missing);
    }

    private static string Sample(string label, IReadOnlyList<string> paths) =>
        paths.Count == 0 ? "" : $"; {label}: {string.Join(", ", paths.Take(3))}{(paths.Count > 3 ? ", …" : "")}";
}
