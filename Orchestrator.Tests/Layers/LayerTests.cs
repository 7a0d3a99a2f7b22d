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
        ["Service"],
        ["App"],
        ["Engine"],
        ["Manual", "Steps", "Canaries"],
        ["Runs", "Backups", "Checks", "Safety", "Scheduling", "Evidence"],
        ["Drill", "Integrity", "Docker", "Scheduling.Calendars", "Logging"],
        ["Errors"],
    ];

    private static readonly string[][] ScenariosLayers =
    [
        ["Loading"],
        ["Catalogue"],
        ["Checks", "Steps", "Schedules"],
        ["Durations", "Paths", "Text", "RunRecords", "Backups"],
        ["Regulation"],
    ];

    private static readonly string[][] ReportsLayers =
    [
        ["Index", "Machine"],
        ["AfterAction"],
        ["Formatting", "Rendering"],
        ["Files"],
    ];

    public static TheoryData<string> Projects => ["drills", "Drills.Scenarios", "Drills.Reports"];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_uses_only_folders_of_lower_layers(string assembly)
    {
        var (root, layers) = Declared(assembly);

        var upward = Upward(NamespaceGraph.Of(Assembly.Load(assembly)), layers, root);

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
    public void The_layer_check_names_a_folder_that_reaches_up()
    {
        // The tests' engine folder uses the shared test support; declared upside down, that is a violation.
        string[][] upsideDown = [["Support"], ["Orchestrator.Engine"]];

        var upward = Upward(NamespaceGraph.Of(typeof(LayerTests).Assembly), upsideDown, "Drills.Orchestrator.Tests");

        Assert.Contains(upward, line => line.StartsWith("Orchestrator.Engine uses Support (", StringComparison.Ordinal));
    }

    [Fact]
    public void The_layer_check_accepts_a_folder_that_uses_lower_layers()
    {
        string[][] rightWayUp = [["Orchestrator.Engine"], ["Support"]];

        Assert.Empty(Upward(NamespaceGraph.Of(typeof(LayerTests).Assembly), rightWayUp, "Drills.Orchestrator.Tests"));
    }

    /// <summary>Every use of a folder beside or above the user, as "user uses used (witnesses)".</summary>
    private static List<string> Upward(NamespaceGraph graph, string[][] layers, string root)
    {
        var rank = RankOf(layers, root);
        return (
            from user in graph.Namespaces
            where rank.ContainsKey(user)
            from used in graph.UsesOf(user)
            where rank.TryGetValue(used, out var usedRank) && usedRank <= rank[user]
            select $"{Short(user, root)} uses {Short(used, root)} ({graph.Witness(user, used)})").ToList();
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
