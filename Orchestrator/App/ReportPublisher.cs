using System.Reflection;
using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.App;

/// <summary>
/// Renders a stored run's report into the data directory, records the path on the run and rewrites the CIO index
/// (unless the index already links to that report).
/// </summary>
internal static class ReportPublisher
{
    public static Task<string> PublishAsync(AppServices services, RunRecord run, string? timeZone, CancellationToken cancellationToken) =>
        PublishAsync(services, run, timeZone, ReportLanguage.Both, cancellationToken);

    /// <param name="language">The languages the report prints (<c>--lang</c>).</param>
    /// <param name="evidence">The signed evidence the report belongs to (its annex, and the final mark); null: a draft.</param>
    public static async Task<string> PublishAsync(
        AppServices services, RunRecord run, string? timeZone, ReportLanguage language, CancellationToken cancellationToken,
        EvidenceFacts? evidence = null)
    {
        // The previous run of the scenario: its open corrective actions are re-tested by this one.
        var context = new ReportContext(services.Clock.GetUtcNow(), Version)
        {
            Language = language,
            PreviousRun = services.Store.PreviousOf(run),
            Evidence = evidence,
        };
        if ((timeZone ?? run.TimeZone) is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            context = context with { DisplayZone = zone };
        }

        var path = await new ReportWriter().WriteAsync(run, context, services.Data.Reports, cancellationToken);
        // A report rendered again where the index already links to it changes nothing the index shows: drills index
        // rewrites it on demand. Loading the kept catalogue for the index would cost more than the report itself.
        var indexed = string.Equals(run.ReportPath, path, StringComparison.Ordinal) && File.Exists(IndexPublisher.DefaultPath(services.Data));
        services.Store.SetReportPath(run.RunId, path);
        if (!indexed)
        {
            // Every run and skip ends here, and the index shows its report: rewrite it, never failing the run for it.
            await IndexPublisher.RefreshAsync(services, cancellationToken);
        }

        return path;
    }

    /// <summary>This build of drills, as reports and evidence manifests name it.</summary>
    public static string Version { get; } =
        typeof(ReportPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
