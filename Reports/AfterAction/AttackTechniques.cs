using Drills.Scenarios.Steps;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The technique table as reports print it: <see cref="TechniqueTable"/> (the one table, kept with the drill
/// language in Scenarios, where validation reads it too) with its names as <see cref="Bilingual"/> text.
/// </summary>
internal sealed class AttackTechniques(TechniqueTable table)
{
    private static readonly Lazy<AttackTechniques> Shared = new(() => new AttackTechniques(TechniqueTable.Table));

    public static AttackTechniques Table => Shared.Value;

    public Bilingual None => new(table.None.Vi, table.None.En);

    public IReadOnlyDictionary<string, IReadOnlyList<string>> StepKinds => table.StepKinds;

    /// <summary>The technique's name; null when the table does not hold it.</summary>
    public Bilingual? NameOf(string id) => table.Find(id) is { } found ? new Bilingual(found.Vi, found.En) : null;

    /// <summary>The techniques the given step kinds play, in order, each once; empty when none plays one.</summary>
    public IReadOnlyList<string> PlayedBy(IEnumerable<string> kinds) => table.PlayedBy(kinds);

    /// <summary>Whether any of the kinds cuts the network, which no ATT&amp;CK technique names.</summary>
    public bool CutsNetwork(IEnumerable<string> kinds) => table.CutsNetwork(kinds);
}
