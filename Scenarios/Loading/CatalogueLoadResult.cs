using System.Diagnostics.CodeAnalysis;
using Drills.Scenarios.Catalogue;

namespace Drills.Scenarios.Loading;

/// <summary>The catalogue read from a file and every error found in it; valid only with a catalogue and no error.</summary>
internal sealed record CatalogueLoadResult(DrillCatalogue? Catalogue, IReadOnlyList<CatalogueError> Errors)
{
    [MemberNotNullWhen(true, nameof(Catalogue))]
    public bool IsValid => Catalogue is not null && Errors.Count == 0;
}
