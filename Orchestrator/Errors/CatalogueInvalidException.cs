using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Errors;

/// <summary>The catalogue has errors, each with its place and fix; the CLI prints them all and exits 2.</summary>
internal sealed class CatalogueInvalidException(IReadOnlyList<CatalogueError> errors)
    : DrillsException(ExitCodes.BadInput, $"{errors.Count} error(s) in the catalogue", "correct each error at the place it names, then run drills validate")
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}
