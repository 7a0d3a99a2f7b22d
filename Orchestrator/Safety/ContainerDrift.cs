using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// How an existing container differs from what the catalogue declares. drills drills the container
/// as it is, so a difference is stated in the journal: the report must not claim a setting that did not run.
/// </summary>
internal static class ContainerDrift
{
    public static IReadOnlyList<string> Between(ContainerSpec declared, ContainerInfo actual)
    {
        var differences = new List<string>();
        if (!string.Equals(actual.Image, declared.Image, StringComparison.Ordinal))
        {
            differences.Add($"image {actual.Image} (declared {declared.Image})");
        }

        if (actual.Ports is { } ports)
        {
            Compare("ports", declared.Ports.Select(p => p.Replace("/tcp", "", StringComparison.Ordinal)), ports, differences);
        }

        if (actual.Volumes is { } volumes)
        {
            Compare("volumes", declared.Volumes.Select(WithoutMode), volumes, differences);
        }

        return differences;
    }

    private static void Compare(string what, IEnumerable<string> declared, IEnumerable<string> actual, List<string> differences)
    {
        var want = declared.Order(StringComparer.Ordinal).ToArray();
        var have = actual.Order(StringComparer.Ordinal).ToArray();
        if (!want.SequenceEqual(have, StringComparer.Ordinal))
        {
            differences.Add($"{what} [{string.Join(", ", have)}] (declared [{string.Join(", ", want)}])");
        }
    }

    private static string WithoutMode(string volume) =>
        volume.EndsWith(":ro", StringComparison.Ordinal) || volume.EndsWith(":rw", StringComparison.Ordinal) ? volume[..^3] : volume;
}
