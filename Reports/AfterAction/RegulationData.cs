using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Drills.Reports.Rendering;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The regimes a drill serves and the national recovery ceiling, read from the embedded regulation.json.
/// Laws, articles and dates live in that file, never in code: the rules moved in 2026 and will move again.
/// </summary>
internal sealed record RegulationData(TimeSpan Ceiling, Bilingual CeilingSource, IReadOnlyList<Regime> Regimes)
{
    private static readonly Lazy<RegulationData> Shared = new(() => Parse(EmbeddedTemplates.Read("regulation.json")));

    public static RegulationData Current => Shared.Value;

    internal static RegulationData Parse(string json)
    {
        var file = JsonSerializer.Deserialize<FileShape>(json, DataJson.Options)
                   ?? throw new InvalidOperationException("regulation.json is empty.");
        return new RegulationData(
            TimeSpan.FromHours(file.Ceiling.Hours),
            file.Ceiling.Source.Value,
            file.Regimes.Select(r => new Regime(
                    r.Name.Value,
                    r.Status switch
                    {
                        "in-force" => RegimeStatus.InForce,
                        "transition" => RegimeStatus.Transition,
                        _ => throw new InvalidOperationException($"regulation.json: regime '{r.Id}' has status '{r.Status}'; write in-force or transition."),
                    },
                    DateOnly.ParseExact(r.Effective, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    r.Obligations.Select(o => new Obligation(o.Article, o.Text.Value, o.Sections)).ToList()))
                .ToList());
    }

    private sealed record FileShape([property: JsonRequired] CeilingShape Ceiling, [property: JsonRequired] List<RegimeShape> Regimes);

    private sealed record CeilingShape(double Hours, BilingualShape Source);

    private sealed record RegimeShape(string Id, BilingualShape Name, string Status, string Effective, List<ObligationShape> Obligations);

    private sealed record ObligationShape(string Article, BilingualShape Text, List<string> Sections);
}

internal enum RegimeStatus
{
    InForce,
    Transition,
}

/// <summary>A law, decree or circular, whether it is in force or in transition, and from when.</summary>
internal sealed record Regime(Bilingual Name, RegimeStatus Status, DateOnly Effective, IReadOnlyList<Obligation> Obligations);

/// <summary>An obligation a drill helps meet, with its article (empty when the data cites none) and the report sections that hold its record.</summary>
internal sealed record Obligation(string Article, Bilingual Text, IReadOnlyList<string> Sections);
