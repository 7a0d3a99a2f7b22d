using Drills.Orchestrator.Runs;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Scheduling;

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
                if (Interlocked.Exchange(ref changed.Value, 0) == 1)
                {
                    dueAt = time.GetUtcNow() + Debounce;
                }

                if (dueAt is { } due && time.GetUtcNow() >= due)
                {
                    dueAt = null;
                    log.Information("{Result}", await reloader.ReloadAsync(scheduler, "file changed", cancellationToken));
                }

                foreach (var (id, kind, by) in requests.Pending())
                {
                    var result = kind == ServiceRequests.Reload
                        ? await reloader.ReloadAsync(scheduler, $"drills reload by {by}", cancellationToken)
                        : $"Unknown request '{kind}'.";
                    requests.Answer(id, result, time.GetUtcNow());
                    log.Information("Request {Id} ({Kind} by {By}): {Result}", id, kind, by, result);
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

    private FileSystemWatcher? Watch(out StrongBox changed)
    {
        var flag = changed = new StrongBox();
        if (catalogue.File is null)
        {
            return null;
        }

        var full = Path.GetFullPath(catalogue.File);
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler mark = (_, _) => Interlocked.Exchange(ref flag.Value, 1);
        watcher.Changed += mark;
        watcher.Created += mark;
        watcher.Renamed += (_, _) => Interlocked.Exchange(ref flag.Value, 1);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Set by the watcher's thread, read by the loop.</summary>
    internal sealed class StrongBox
    {
        public int Value;
    }
}
