namespace Drills.Orchestrator.Docker;

/// <summary>
/// Keeps execs and archive copies away from frozen containers. Docker Engine 20.10 blocks an exec
/// into a paused container until it is thawed and holds the container's lock meanwhile, so one
/// probe racing a <c>pause</c> step would hang every later call on that container, unpause included.
/// A pause therefore waits for in-flight execs to finish, and no exec starts while a container is paused.
/// </summary>
internal sealed class PauseGuard(TimeProvider time) : IDisposable
{
    /// <summary>How often a pause looks again for in-flight execs to drain (they are short probes).</summary>
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _mutex = new(1, 1);
    private readonly HashSet<string> _paused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Registers an exec (or copy); dispose when it ends. Throws when the container is paused.</summary>
    public async Task<IDisposable> EnterAsync(string containerId, CancellationToken cancellationToken)
    {
        await _mutex.WaitAsync(cancellationToken);
        try
        {
            if (_paused.Contains(containerId))
            {
                throw new DockerOperationException($"Container {Short(containerId)} is paused: nothing can run inside it until it is unpaused.", "unpause it (restore step unpause) before steps that run inside it");
            }

            _inFlight[containerId] = _inFlight.GetValueOrDefault(containerId) + 1;
            return new Exit(this, containerId);
        }
        finally
        {
            _mutex.Release();
        }
    }

    public async Task PauseAsync(string containerId, Func<Task> pause, CancellationToken cancellationToken)
    {
        // Marked first, so new execs are refused while the in-flight ones drain; otherwise a steady
        // stream of probes could starve the pause.
        await _mutex.WaitAsync(cancellationToken);
        _paused.Add(containerId);
        _mutex.Release();
        try
        {
            await DrainAsync(containerId, cancellationToken);
        }
        catch
        {
            await ForgetAsync(containerId);
            throw;
        }

        try
        {
            await pause();
        }
        catch
        {
            _paused.Remove(containerId);
            throw;
        }
        finally
        {
            _mutex.Release();
        }
    }

    /// <summary>Returns holding the mutex, once no exec is in flight for the container.</summary>
    private async Task DrainAsync(string containerId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _mutex.WaitAsync(cancellationToken);
            if (_inFlight.GetValueOrDefault(containerId) == 0)
            {
                return;
            }

            _mutex.Release();
            await Task.Delay(DrainPoll, time, cancellationToken);
        }
    }

    private async Task ForgetAsync(string containerId)
    {
        await _mutex.WaitAsync(CancellationToken.None);
        _paused.Remove(containerId);
        _mutex.Release();
    }

    public async Task UnpauseAsync(string containerId, Func<Task> unpause, CancellationToken cancellationToken)
    {
        await unpause();
        await _mutex.WaitAsync(cancellationToken);
        _paused.Remove(containerId);
        _mutex.Release();
    }

    private void Leave(string containerId)
    {
        _mutex.Wait();
        try
        {
            _inFlight[containerId]--;
        }
        finally
        {
            _mutex.Release();
        }
    }

    public void Dispose() => _mutex.Dispose();

    private static string Short(string id) => id.Length > 12 ? id[..12] : id;

    private sealed class Exit(PauseGuard guard, string containerId) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                guard.Leave(containerId);
            }
        }
    }
}
