using Drills.Orchestrator.App;
using Quartz;
using Serilog;
using static System.FormattableString;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Reloads the catalogue on request: a file with any error is rejected whole (every error logged) and the
/// running schedule stays; a good file replaces the catalogue and re-syncs the job store.
/// </summary>
internal sealed class CatalogueReloader(CatalogueHolder catalogue, ScheduleSync sync, TimeProvider time, ILogger log) : IDisposable
{
    // One reload at a time: a file watcher and a `drills reload` can ask together.
    private readonly SemaphoreSlim _one = new(1, 1);

    public async Task<string> ReloadAsync(IScheduler scheduler, string why, CancellationToken cancellationToken)
    {
        if (catalogue.File is null)
        {
            return "Not reloaded: the service runs the embedded sample catalogue; start it with --file FILE to reload edits.";
        }

        await _one.WaitAsync(cancellationToken);
        try
        {
            var loaded = CatalogueSource.Validate(catalogue.File, time.GetUtcNow(), TextWriter.Null);
            var errors = loaded.Errors;
            if (!loaded.IsValid)
            {
                foreach (var error in errors)
                {
                    log.Error("Reload ({Why}) rejected {Location}: {Message} Fix: {Fix}", why, error.Location.ToString(), error.Message, error.Fix);
                }

                log.Error("Reload ({Why}) rejected: {Count} error(s) in {File}; the running schedule is unchanged", why, errors.Count, catalogue.File);
                // One error a line with its fix under it, as drills validate prints them.
                return $"Rejected: {errors.Count} error(s) in {catalogue.File}; the running schedule is unchanged." +
                       string.Concat(errors.Select(e => $"\n  {e.Location}: {e.Message}\n    fix: {e.Fix}"));
            }

            var accepted = loaded.Catalogue!;
            if (accepted.Sha256 == catalogue.Current.Sha256)
            {
                var when = catalogue.AppliedAtUtc is { } at ? Invariant($", in force since {at:yyyy-MM-dd HH:mm:ss} UTC") : "";
                return $"Unchanged: {catalogue.File} is the catalogue already running (sha256 {accepted.Sha256[..16]}…{when}).";
            }

            // The catalogue first: a new scenario's first fire must find its definition. Put back if the sync fails.
            var previous = catalogue.Current;
            catalogue.Replace(accepted, time.GetUtcNow());
            ScheduleChanges changes;
            try
            {
                changes = await sync.ApplyAsync(scheduler, accepted, cancellationToken);
            }
            catch
            {
                catalogue.Replace(previous, time.GetUtcNow());
                throw;
            }

            log.Information("Reload ({Why}) accepted {File} sha256 {Sha}", why, catalogue.File, accepted.Sha256);
            return $"Reloaded {catalogue.File}: {changes}.";
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}
