using System.Text.Json;
using System.Text.Json.Serialization;

namespace Drills.Scenarios.Steps;

/// <summary>
/// The one MITRE ATT&amp;CK table: each technique's id with its Vietnamese and English name, and the techniques each
/// attack step kind plays, read from the embedded attack-techniques.json. Validation checks a scenario's
/// <c>technique</c> against it and reports print its names, so a new technique is a line in that file, not code.
/// </summary>
internal sealed partial record TechniqueTable(
    IReadOnlyList<TechniqueTable.Technique> Techniques,
    TechniqueTable.Name None,
    IReadOnlyDictionary<string, IReadOnlyList<string>> StepKinds)
{
    private const string Resource = "Drills.Scenarios.Steps.attack-techniques.json";

    private static readonly Lazy<TechniqueTable> Shared = new(Load);

    public static TechniqueTable Table => Shared.Value;

    /// <summary>The technique of this id (case-insensitive); null when the table does not hold it.</summary>
    public Technique? Find(string id) =>
        Techniques.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The techniques the given step kinds play, in order, each once; empty when none plays one.</summary>
    public IReadOnlyList<string> PlayedBy(IEnumerable<string> kinds) =>
        kinds.SelectMany(k => StepKinds.TryGetValue(k, out var ids) ? ids : []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether any of the kinds cuts the network, which no ATT&amp;CK technique names.</summary>
    public bool CutsNetwork(IEnumerable<string> kinds) =>
        kinds.Any(k => StepKinds.TryGetValue(k, out var ids) && ids.Count == 0);

    internal static TechniqueTable Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, FileJson.Default.FileShape)
                   ?? throw new InvalidOperationException("attack-techniques.json is empty.");
        return new TechniqueTable(
            file.Techniques,
            file.None,
            file.StepKinds.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }

    private static TechniqueTable Load()
    {
        using var stream = typeof(TechniqueTable).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"The embedded {Resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The file's reader, generated at build time: reading the table at start-up needs no reflection.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
    [JsonSerializable(typeof(FileShape))]
    private sealed partial class FileJson : JsonSerializerContext;

    /// <summary>One technique: its ATT&amp;CK id and its name in both report languages.</summary>
    internal sealed record Technique(string Id, string Vi, string En);

    /// <summary>A name in both report languages.</summary>
    internal sealed record Name(string Vi, string En);

    private sealed record FileShape(
        [property: JsonRequired] List<Technique> Techniques,
        [property: JsonRequired] Name None,
        [property: JsonRequired] Dictionary<string, List<string>> StepKinds);
}
