using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Paths;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// What a scenario's steps are checked against: the data paths of its system, the only place a
/// file attack can be undone, and the time budget a wait must fit in.
/// </summary>
/// <param name="System">The scenario's system; null when missing, or when its checks or data paths are invalid (already reported), so paths go unchecked.</param>
/// <param name="MaxDuration">The scenario's effective max_duration as written; null when it was written wrong (already reported).</param>
/// <param name="MaxDurationOrigin">Where that max_duration comes from, for messages: "scenario 'x'" or "defaults".</param>
internal sealed record StepScope(SystemOutline? System, WrittenDuration? MaxDuration, string MaxDurationOrigin)
{
    /// <summary>Checks every path of a list already known to be absolute; reports each one outside the data paths.</summary>
    public bool CoversAll(NodeReader reader, YamlNode listNode, IReadOnlyList<string> paths, string what)
    {
        var valid = true;
        for (var i = 0; i < paths.Count; i++)
        {
            valid &= Covers(reader, ((YamlSequenceNode)listNode).Children[i], paths[i], what);
        }

        return valid;
    }

    /// <summary>An attacked path must be a data path or under one, or nothing could restore what the attack destroys.</summary>
    public bool Covers(NodeReader reader, YamlNode node, string path, string what)
    {
        if (ContainerPath.IsRoot(path))
        {
            reader.Report(node, $"{what}: '{path}' is the container's whole file system, which no drill may attack.",
                $"target the system's data only, such as '{(System is { Data.Paths.Count: > 0 } ? System.Data.Paths[0] : "/srv/www")}'");
            return false;
        }

        if (System is null || System.Data.Paths.Any(folder => ContainerPath.IsAtOrUnder(path, folder)))
        {
            return true;
        }

        var declared = System.Data.Paths.Count == 0 ? "none declared" : string.Join(", ", System.Data.Paths);
        var under = System.Data.Paths.Count == 0 ? "" : $", or target a path under {string.Join(" or ", System.Data.Paths)}";
        reader.Report(node,
            $"{what}: '{path}' is outside the data paths of system '{System.Id}' ({declared}), so neither restore-backup nor rollback could bring it back.",
            $"add '{ContainerPath.Normalize(path)}' to data.paths of system '{System.Id}'{under}");
        return false;
    }

    /// <summary>A file attack (deface) replaces one file, so its path must lie under a data path, never be one:
    /// a data path is a folder, and writing a file in its place would replace the whole folder.</summary>
    public bool IsFileUnderData(NodeReader reader, YamlNode node, string path, string what)
    {
        if (System?.Data.Paths.FirstOrDefault(folder => ContainerPath.Normalize(folder) == ContainerPath.Normalize(path)) is not { } folder)
        {
            return true;
        }

        reader.Report(node, $"{what}: '{path}' is the data path {folder} of system '{System.Id}' itself, a folder; deface replaces one file.",
            $"name a file under it, such as '{ContainerPath.Normalize(folder)}/index.html'");
        return false;
    }

    /// <summary>A wait as long as the stop condition would abort every run of the drill.</summary>
    public bool FitsBudget(NodeReader reader, YamlNode node, WrittenDuration wait, string what) =>
        IsShorterThanBudget(reader, node, wait, what, "the drill would always abort before the wait ends", "wait less than");

    /// <summary>A stop may take its whole timeout (a container that ignores SIGTERM is killed only then), so a
    /// timeout as long as the stop condition would let the drill abort mid-stop.</summary>
    public bool FitsStop(NodeReader reader, YamlNode node, WrittenDuration timeout, string what) =>
        IsShorterThanBudget(reader, node, timeout, what,
            "a container that ignores SIGTERM is killed only when the timeout ends, so the drill would abort while it stops",
            "write a timeout shorter than");

    private bool IsShorterThanBudget(NodeReader reader, YamlNode node, WrittenDuration length, string what, string consequence, string shorter)
    {
        if (MaxDuration is not { } budget || length.Value < budget.Value)
        {
            return true;
        }

        reader.Report(node,
            $"{what} is {length.Text}, not less than max_duration {budget.Text} of {MaxDurationOrigin}: {consequence}.",
            $"{shorter} {budget.Text}, or raise max_duration of {MaxDurationOrigin} (at most {DurationText.Format(CatalogueDefaults.MaxDurationLimit)})");
        return false;
    }
}
