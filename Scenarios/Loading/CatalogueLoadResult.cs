using System.Diagnostics.CodeAnalysis;
using Drills.Scenarios.Catalogue;

namespace Drills.Scenarios.Loading;

/// <summary>Either a valid catalogue or every error found in the file, never both.</summary>
internal sealed record CatalogueLoadResult(DrillCatalogue? Catalogue, IReadOnlyList<CatalogueError> Errors)
{
    [MemberNotNullWhen(true, nameof(Catalogue))]
    public bool IsValid => Catalogue is not null && Errors.Count == 0;
}
