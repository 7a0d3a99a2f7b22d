using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;
using Serilog;

namespace Drills.Orchestrator.App;

/// <summary>
/// What an ended run leaves: its report and its signed evidence, the report rendered once (the evidence renders and
/// publishes it, final when a signer opens). When the evidence cannot be written the report is still published alone,
/// so a run's result is never hidden by its paperwork.
/// </summary>
internal static class RunOutputs
{
    /// <param name="reportFailed">Told why the report was not written (drills report writes it again).</param>
    /// <param name="evidenceFailed">Told why the evidence was not written (drills export writes it again).</param>
    public static async Task<(string? ReportPath, EvidenceResult? Evidence)> PublishAsync(AppServices services, RunRecord record, ReportLanguage language,
        Action<Exception> reportFailed, Action<Exception> evidenceFailed, CancellationToken cancellationToken)
    {
        EvidenceResult? evidence = null;
        try
        {
            evidence = await EvidencePublisher.PublishAsync(services, record.RunId, reportPath: null, cancellationToken, language);
        }
        catch (Exception ex) when (IsPaperworkFailure(ex))
        {
            evidenceFailed(ex);
        }

        if (evidence?.ReportPath is { } published)
        {
            return (published, evidence);
        }

        try
        {
            return (await ReportPublisher.PublishAsync(services, record, record.TimeZone, language, cancellationToken), evidence);
        }
        catch (Exception ex) when (IsPaperworkFailure(ex))
        {
            reportFailed(ex);
            return (null, evidence);
        }
    }

    /// <summary>As <see cref="PublishAsync(AppServices, RunRecord, ReportLanguage, Action{Exception}, Action{Exception}, CancellationToken)"/>, a failure logged with its retry: for a run no one watches at a terminal.</summary>
    public static async Task<string?> PublishLoggedAsync(AppServices services, RunRecord record, ILogger log, CancellationToken cancellationToken)
    {
        var (path, _) = await PublishAsync(services, record, ReportLanguage.Both,
            ex => log.Error(ex, "Report of {RunId} not written: {Error}. Retry with: drills report {RunId}", record.RunId, ex.Message, record.RunId),
            ex => log.Error(ex, "Evidence of {RunId} not written: {Error}. Retry with: drills export {RunId}", record.RunId, ex.Message, record.RunId),
            cancellationToken);
        return path;
    }

    /// <summary>A file that could not be written or a template that could not render: the run stands, its paperwork is retried.</summary>
    private static bool IsPaperworkFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or InvalidOperationException;
}
