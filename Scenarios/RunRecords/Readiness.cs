namespace Drills.Scenarios.RunRecords;

/// <summary>The readiness gate checked before the drill's clock starts; a failed gate starts nothing.</summary>
internal sealed record Readiness(IReadOnlyList<ReadinessItem> Items)
{
    public bool Passed => Items.All(item => item.Passed);
}

/// <summary>One gate item: the image is present, the checks pass, the newest backup is intact and fresh, room for a snapshot.</summary>
/// <param name="Name">A stable key: <c>image</c>, <c>checks</c>, <c>backup</c>, <c>disk</c>.</param>
internal sealed record ReadinessItem(string Name, bool Passed, string Observation);
