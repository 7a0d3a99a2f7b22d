using System.Text.Json;
using System.Text.Json.Serialization;
using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

/// <summary>
/// ATT&amp;CK technique names, and the techniques each attack step kind plays, read from the embedded
/// attack-techniques.json: the table is data, so a new technique is a line in that file, not code.
/// </summary>
internal sealed record AttackTechniques(
    IReadOnlyList<AttackTechniques.Technique> Techniques,
    Bilingual None,
    IReadOnlyDictionary<string, IReadOnlyList<string>> StepKinds)
{
    private static readonly Lazy<AttackTechniques> Shared = new(() => Parse(EmbeddedTemplates.Read("attack-techniques.json")));

    public static AttackTechniques Table => Shared.Value;

    /// <summary>The technique's name; null when the table does not hold it.</summary>
    public Bilingual? NameOf(string id) =>
        Techniques.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase)) is { } found
            ? new Bilingual(found.Vi, found.En)
            : null;

    /// <summary>The techniques the given step kinds play, in order, each once; empty when none plays one.</summary>
    public IReadOnlyList<string> PlayedBy(IEnumerable<string> kinds) =>
        kinds.SelectMany(k => StepKinds.TryGetValue(k, out var ids) ? ids : []).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether any of the kinds cuts the network, which no ATT&amp;CK technique names.</summary>
    public bool CutsNetwork(IEnumerable<string> kinds) =>
        kinds.Any(k => StepKinds.TryGetValue(k, out var ids) && ids.Count == 0);

    internal static AttackTechniques Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, DataJson.Options)
                   ?? throw new InvalidOperationException("attack-techniques.json is empty.");
        return new AttackTechniques(
            file.Techniques,
            new Bilingual(file.None.Vi, file.None.En),
            file.StepKinds.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }

    internal sealed record Technique(string Id, string Vi, string En);

    private sealed record FileShape(
        [property: JsonRequired] List<Technique> Techniques,
        [property: JsonRequired] BilingualShape None,
        [property: JsonRequired] Dictionary<string, List<string>> StepKinds);
}
