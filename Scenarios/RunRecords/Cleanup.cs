namespace Drills.Scenarios.RunRecords;

/// <summary>
/// What the cleanup scan after a run found left behind (helper containers, networks, processes, temp files,
/// a paused, disconnected or resource-starved target) and what it removed or repaired. Found but not removed
/// is a finding the report shows.
/// </summary>
internal sealed record Cleanup(IReadOnlyList<string> Found, IReadOnlyList<string> Removed)
{
    public static Cleanup Nothing { get; } = new([], []);

    public bool Clean => Found.Count == Removed.Count && Found.All(Removed.Contains);
}
