using Drills.Orchestrator.App;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>Reports and live journals of the runs the service makes, written to its log instead of a terminal.</summary>
internal static class ServiceReports
{
    /// <summary>
    /// Writes and signs a run's evidence around its report, rendered once; a report or evidence that fails is logged,
    /// never allowed to lose the run (drills report and drills export write them again).
    /// </summary>
    public static async Task PublishAsync(AppServices services, RunRecord record, ILogger log, CancellationToken cancellationToken)
    {
        if (await RunOutputs.PublishLoggedAsync(services, record, log, cancellationToken) is { } path)
        {
            log.Information("Report of {RunId} ({Outcome}): {Path}", record.RunId, record.Outcome, path);
        }
    }

    public static IProgress<JournalEvent> Progress(ILogger log, string scenarioId) => new LoggedProgress(log, scenarioId);

    /// <summary>The live journal of a scheduled drill goes to the service log, as the terminal shows it for <c>drills run</c>.</summary>
    private sealed class LoggedProgress(ILogger log, string scenarioId) : IProgress<JournalEvent>
    {
        public void Report(JournalEvent value)
        {
            // Findings and rollbacks carry their evidence in the detail (measured time, what was restored): show it.
            if (value.Detail is { } detail && value.Mark is JournalMark.Note or JournalMark.Aborted or JournalMark.Rollback)
            {
                log.ForContext("Mark", value.Mark).Information("{Scenario}: {Message} ({Detail})", scenarioId, value.Message, detail);
                return;
            }

            // The mark stays a property for the JSON log; the message already says it in words.
            log.ForContext("Mark", value.Mark).Information("{Scenario}: {Message}", scenarioId, value.Message);
        }
    }
}
