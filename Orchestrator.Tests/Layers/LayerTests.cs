using System.Reflection;

namespace Drills.Orchestrator.Tests.Layers;

/// <summary>
/// The folders of each project in layers, top first: a folder uses only folders of the layers below
/// its own, never one beside or above it, so no two folders reference each other. The README's
/// layout section lists the same layers; a new folder must be placed here before it builds green.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[][] OrchestratorLayers =
    [
        ["Cli"],
        ["Scheduling.Service"],
        ["App"],
        ["Engine"],
        ["Manual", "Steps"],
        ["Runs", "Backups", "Checks", "Safety", "Scheduling"],
        ["Drill", "Integrity", "Docker", "Scheduling.Calendars", "Logging"],
        ["Errors"],
    ];

    private static readonly string[][] ScenariosLayers =
    [
        ["Loading"],
        ["Catalogue"],
        ["Checks", "Steps", "Schedules"],
        ["Durations", "Paths", "Text", "RunRecords"],
    ];

    private static readonly string[][] ReportsLayers =
    [
        ["AfterAction"],
        ["Formatting", "Rendering"],
    ];

    public static TheoryData<string> Projects => ["drills", "Drills.Scenarios", "Drills.Reports"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_uses_only_folders_of_lower_layers(string assembly)
    {
        var (root, layers) = Declared(assembly);
        var graph = NamespaceGraph.Of(Assembly.Load(assembly));
        var rank = RankOf(layers, root);

        var upward = (
            from user in graph.Namespaces
            where rank.ContainsKey(user)
            from used in graph.UsesOf(user)
            where rank.TryGetValue(used, out var usedRank) && usedRank <= rank[user]
            select $"{Short(user, root)} uses {Short(used, root)} ({graph.Witness(user, used)})").ToList();

        Assert.True(upward.Count == 0,
            $"Folders of {assembly} reference a folder beside or above them; move the shared type down a layer:\n" + string.Join("\n", upward));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_has_its_layer(string assembly)
    {
        var (root, layers) = Declared(assembly);
        var rank = RankOf(layers, root);
        var folders = Assembly.Load(assembly).GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Distinct()
            .Where(ns => !rank.ContainsKey(ns))
            .Select(ns => Short(ns, root))
            .ToList();

        Assert.True(folders.Count == 0, $"Place these folders of {assembly} in a layer of LayerTests and the README: {string.Join(", ", folders)}");
    }

    [Fact]
    public void The_layer_check_sees_a_reference_upward()
    {
        // The engine uses the drill's primitives: in the graph, and below it.
        var graph = NamespaceGraph.Of(Assembly.Load("drills"));

        Assert.Contains("Drills.Orchestrator.Drill", graph.UsesOf("Drills.Orchestrator.Engine"));
        Assert.DoesNotContain("Drills.Orchestrator.Engine", graph.UsesOf("Drills.Orchestrator.Drill"));
    }

    private static (string Root, string[][] Layers) Declared(string assembly) => assembly switch
    {
        "drills" => ("Drills.Orchestrator", OrchestratorLayers),
        "Drills.Scenarios" => ("Drills.Scenarios", ScenariosLayers),
        _ => ("Drills.Reports", ReportsLayers),
    };

    private static Dictionary<string, int> RankOf(string[][] layers, string root) =>
        layers.SelectMany((layer, i) => layer.Select(folder => (Ns: $"{root}.{folder}", Rank: i)))
            .ToDictionary(x => x.Ns, x => x.Rank, StringComparer.Ordinal);

    private static string Short(string ns, string root) => ns[(root.Length + 1)..];
}
