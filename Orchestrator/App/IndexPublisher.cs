using System.Text;
using Drills.Reports.AfterAction;
using Drills.Reports.Files;
using Drills.Reports.Index;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.App;

/// <summary>
/// The CIO index of the data directory: built from a catalogue and the run store, written as one HTML page
/// (by default <c>reports/index.html</c>, beside the reports it links to), and rewritten after every report.
/// </summary>
internal static class IndexPublisher
{
    public static string DefaultPath(DataDirectory data) => Path.Combine(data.Reports, IndexPage.FileName);

    /// <param name="catalogue">The catalogue in force; null when none could be read.</param>
    public static CioIndex Build(AppServices services, DrillCatalogue? catalogue, IndexFilter filter) =>
        IndexBuilder.Build(catalogue, services.Store, services.Clock.GetUtcNow(), filter);

    /// <summary>Writes the page whole (never half a page for a reader) and returns its full path.</summary>
    public static async Task<string> WriteHtmlAsync(AppServices services, CioIndex index, string path, string? timeZone, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var zone = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found)
            ? found
            : TimeZoneInfo.FindSystemTimeZoneById(ReportContext.DefaultZoneId);
        var context = new IndexContext(ReportPublisher.Version, zone, services.Data.Reports, Path.GetDirectoryName(full)!);
        await PrivateFiles.ReplaceAsync(full, new UTF8Encoding(false).GetBytes(IndexPage.Render(index, context)), cancellationToken);
        return full;
    }

    /// <summary>
    /// Rewrites <c>reports/index.html</c> with the catalogue the latest stored run was drilled with (kept in the store
    /// by its hash): the one in force for whoever just ran or skipped a drill. An index that cannot be written is
    /// logged and said on stderr; it never costs the run or its report.
    /// </summary>
    public static async Task RefreshAsync(AppServices services, CancellationToken cancellationToken)
    {
        try
        {
            var catalogue = LatestCatalogue(services);
            var index = Build(services, catalogue, IndexFilter.All);
            await WriteHtmlAsync(services, index, DefaultPath(services.Data), catalogue?.Defaults.TimeZone, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warning(ex, "Index {Path} not written: {Error}. Retry with: drills index", DefaultPath(services.Data), ex.Message);
            await Console.Error.WriteLineAsync($"warning: index {DefaultPath(services.Data)} not written: {ex.Message} Retry with: drills index");
        }
    }

    private static DrillCatalogue? LatestCatalogue(AppServices services)
    {
        var latest = services.Store.List(1);
        if (latest.Count == 0 || services.KeptCatalogues.Load(latest[0].CatalogueSha256) is not { } loaded)
        {
            return null;
        }

        if (loaded.Catalogue is null)
        {
            services.Log.Warning("The catalogue of run {RunId} no longer loads; the index lists the systems of stored runs only", latest[0].RunId);
        }

        return loaded.Catalogue;
    }
}
