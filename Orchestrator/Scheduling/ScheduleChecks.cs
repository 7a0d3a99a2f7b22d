using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Scheduling;

/// <summary>Catalogue errors only a scheduler can see, such as a schedule that can never fire.</summary>
internal static class ScheduleChecks
{
    public static IReadOnlyList<CatalogueError> Errors(DrillCatalogue catalogue, DateTimeOffset nowUtc) => [];
}
