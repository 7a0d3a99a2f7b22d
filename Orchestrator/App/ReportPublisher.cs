using System.Reflection;
using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.App;

/// <summary>Renders a stored run's report into the data directory and records the path on the run.</summary>
internal static class ReportPublisher
{
    public static Task<string> PublishAsync(AppServices services, RunRecord run, string? timeZone, CancellationToken cancellationToken) =>
        PublishAsync(services, run, timeZone, ReportLanguage.Both, cancellationToken);

    /// <param name="language">The languages the report prints (<c>--lang</c>).</param>
    public static async Task<string> PublishAsync(
        AppServices services, RunRecord run, string? timeZone, ReportLanguage language, CancellationToken cancellationToken)
    {
        var context = new ReportContext(services.Clock.GetUtcNow(), Version) { Language = language };
        if ((timeZone ?? run.TimeZone) is { } zoneId && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            context = context with { DisplayZone = zone };
        }

        var path = await new ReportWriter().WriteAsync(run, context, services.Data.Reports, cancellationToken);
        services.Store.SetReportPath(run.RunId, path);
        return path;
    }

    private static string Version { get; } =
        typeof(ReportPublisher).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";
}
