using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Asks for a reload when the catalogue file changes (debounced: editors write in several steps) or when
/// <c>drills reload</c> leaves a request in the store, and answers that request with the result.
/// </summary>
internal sealed class RequestWatcher(CatalogueHolder catalogue, CatalogueReloader reloader, ServiceRequests requests,
    SchedulerOptions options, TimeProvider time, ILogger log)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(500);

    public async Task RunAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        using var watcher = Watch(out var changed);
        DateTimeOffset? dueAt = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RequestPollInterval, time, cancellationToken);
                if (changed.TakeIfSet())
                {
                    dueAt = time.GetUtcNow() + Debounce;
                }

                if (dueAt is { } due && time.GetUtcNow() >= due)
                {
                    dueAt = null;
                    log.Information("{Result}", FirstLine(await reloader.ReloadAsync(scheduler, "file changed", cancellationToken)));
                }

                foreach (var (id, kind, by) in requests.Pending())
                {
                    var result = await AnswerAsync(scheduler, kind, by, cancellationToken);
                    requests.Answer(id, result, time.GetUtcNow());
                    // A rejection's errors are already logged one by one: the answer's first line is enough here.
                    log.Information("Request {Id} ({Kind} by {By}): {Result}", id, kind, by, FirstLine(result));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.Error(ex, "Reload request handling failed: {Error}", ex.Message);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>Every request gets an answer, a failed one too: otherwise <c>drills reload</c> would wait and blame a missing service.</summary>
    private async Task<string> AnswerAsync(IScheduler scheduler, string kind, string by, CancellationToken cancellationToken)
    {
        if (kind != ServiceRequests.Reload)
        {
            return $"Failed: unknown request '{kind}'. Fix: use a drills CLI of the same version as the service.";
        }

        try
        {
            return await reloader.ReloadAsync(scheduler, $"drills reload by {by}", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.Error(ex, "Reload requested by {By} failed: {Error}", by, ex.Message);
            return $"Failed: {DrillsException.ProblemOf(ex)} The running schedule may be partly updated. Fix: see the service log, then run drills reload again.";
        }
    }

    private FileSystemWatcher? Watch(out ChangeFlag changed)
    {
        var flag = changed = new ChangeFlag();
        if (catalogue.File is null)
        {
            return null;
        }

        var full = Path.GetFullPath(catalogue.File);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => flag.Set();
        watcher.Created += (_, _) => flag.Set();
        watcher.Renamed += (_, _) => flag.Set();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Set by the watcher's thread, taken by the loop.</summary>
    private sealed class ChangeFlag
    {
        private int _set;

        public void Set() => Interlocked.Exchange(ref _set, 1);

        public bool TakeIfSet() => Interlocked.Exchange(ref _set, 0) == 1;
    }
}
