using Drills.Orchestrator.App;
using Drills.Orchestrator.Drill;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Records a scheduled fire that did not run as a run of its own (outcome skipped) with a report, so
/// every skip shows in <c>drills runs</c> and beside the drills that did run. Nothing is touched.
/// </summary>
internal sealed class SkipRecorder(AppServices services, TimeProvider time, ILogger log)
{
    public async Task<RunRecord> RecordAsync(DrillCatalogue catalogue, ScenarioDefinition scenario, RunOrigin origin, string reason, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var system = catalogue.Systems[scenario.SystemId];
        var now = time.GetUtcNow();
        var message = $"Skipped: {reason}";
        var record = RunHeader.Of(RunIds.New(now), catalogue, scenario, system, now, RunOutcome.Skipped) with
        {
            EndedAtUtc = now,
            SkipReason = reason,
            Origin = origin,
            StartedBy = RunStarter.Of(origin, scenario.Id),
            Journal = [new JournalEvent(1, JournalMark.Note, now, TimeSpan.Zero, message)],
        };
        services.Store.Begin(record);
        services.Store.JournalFor(record.RunId).Append(record.Journal[0]);
        log.Warning("{Scenario}: fire due {Due:yyyy-MM-dd HH:mm:ss} UTC skipped: {Reason}", scenario.Id, origin.ScheduledForUtc, reason);
        // Once recorded, a skip gets its report even while the service stops: it is local, quick, and the evidence.
        await ServiceReports.PublishAsync(services, record, log, CancellationToken.None);
        return record;
    }
}
