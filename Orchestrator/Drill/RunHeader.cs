using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Drill;

/// <summary>The part of a run record that says what was (or was to be) drilled: the same for a run and a skipped fire.</summary>
internal static class RunHeader
{
    public static RunRecord Of(string runId, DrillCatalogue catalogue, ScenarioDefinition scenario, SystemDefinition system,
        DateTimeOffset startedAtUtc, RunOutcome outcome) => new()
    {
        RunId = runId,
        ScenarioId = scenario.Id,
        ScenarioTitle = scenario.Title,
        SystemId = system.Id,
        SystemTitle = system.Title,
        Agency = system.Agency,
        SecurityLevel = system.SecurityLevel,
        Technique = scenario.Technique,
        ContainerName = system.Container.Name,
        CatalogueSha256 = catalogue.Sha256,
        TimeZone = catalogue.Defaults.TimeZone,
        StartedAtUtc = startedAtUtc,
        Outcome = outcome,
        RtoTarget = system.RtoTarget,
        Level = system.Level,
        Approval = system.Approval,
        SystemOwner = system.Owner,
        Participants = scenario.Participants,
        Objectives = scenario.Objectives,
    };
}
