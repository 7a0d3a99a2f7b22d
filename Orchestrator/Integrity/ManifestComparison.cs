namespace Drills.Orchestrator.Integrity;

/// <summary>How a data manifest differs from the baseline's.</summary>
internal sealed record ManifestComparison(
    int BaselineFiles,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Missing)
{
    public bool Matches => Changed.Count == 0 && Added.Count == 0 && Missing.Count == 0;

    public string Describe()
    {
        if (Matches)
        {
            return $"all {BaselineFiles} files match the baseline (SHA-256)";
        }

        return $"{Changed.Count} changed, {Added.Count} added, {Missing.Count} missing of {BaselineFiles}" +
               Sample("changed", Changed) + Sample("added", Added) + Sample("missing", Missing);
    }

    private static string Sample(string label, IReadOnlyList<string> paths) =>
        paths.Count == 0 ? "" : $"; {label}: {string.Join(", ", paths.Take(3))}{(paths.Count > 3 ? ", …" : "")}";
}
