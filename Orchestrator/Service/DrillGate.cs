namespace Drills.Orchestrator.Service;

/// <summary>
/// Admits scheduled drills: never two on one system, never more than the global limit, and never a
/// scenario that is already running or waiting (that fire is skipped instead of piling up).
/// </summary>
internal sealed class DrillGate
{
    private readonly SemaphoreSlim _global;
    private readonly int _limit;
    private readonly Dictionary<string, SemaphoreSlim> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scenarios = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public DrillGate(int maxConcurrent, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        (_limit, _global, _time) = (maxConcurrent, new SemaphoreSlim(maxConcurrent, maxConcurrent), time);
    }

    /// <summary>Waits for a turn; null when the scenario already holds or awaits one.</summary>
    public async Task<DrillLease?> EnterAsync(string scenarioId, string systemId, CancellationToken cancellationToken)
    {
        if (Admit(scenarioId, systemId) is not { } admitted)
        {
            return null;
        }

        var started = _time.GetTimestamp();
        var waitedFor = admitted.BusyWith;
        var holdsSystem = false;
        try
        {
            // The system first: a drill that waits for its system must not hold a global slot meanwhile.
            await admitted.System.WaitAsync(cancellationToken);
            holdsSystem = true;
            if (_global.CurrentCount == 0)
            {
                waitedFor ??= $"a free slot (at most {_limit} drill(s) at once)";
            }

            await _global.WaitAsync(cancellationToken);
        }
        catch
        {
            Withdraw(scenarioId, holdsSystem ? admitted.System : null);
            throw;
        }

        lock (_lock)
        {
            _holders[systemId] = scenarioId;
        }

        var waited = _time.GetElapsedTime(started);
        return new DrillLease(this, scenarioId, systemId, waited, waited >= TimeSpan.FromMilliseconds(100) ? waitedFor : null);
    }

    /// <summary>Registers the scenario as waiting, and says what holds its system now; null when it already waits or runs.</summary>
    private (SemaphoreSlim System, string? BusyWith)? Admit(string scenarioId, string systemId)
    {
        lock (_lock)
        {
            if (!_scenarios.Add(scenarioId))
            {
                return null;
            }

            var system = SystemSemaphore(systemId);
            var busyWith = system.CurrentCount == 0 && _holders.TryGetValue(systemId, out var holder)
                ? $"'{holder}' on the same system ({systemId})"
                : null;
            return (system, busyWith);
        }
    }

    /// <summary>A wait that was cancelled gives back what it held.</summary>
    private void Withdraw(string scenarioId, SemaphoreSlim? heldSystem)
    {
        heldSystem?.Release();
        lock (_lock)
        {
            _scenarios.Remove(scenarioId);
        }
    }

    internal void Release(string scenarioId, string systemId)
    {
        lock (_lock)
        {
            _scenarios.Remove(scenarioId);
            _holders.Remove(systemId);
            _global.Release();
            _systems[systemId].Release();
        }
    }

    private SemaphoreSlim SystemSemaphore(string systemId)
    {
        if (!_systems.TryGetValue(systemId, out var semaphore))
        {
            _systems[systemId] = semaphore = new SemaphoreSlim(1, 1);
        }

        return semaphore;
    }
}

/// <summary>A drill's turn; disposing it lets the next one in.</summary>
internal sealed class DrillLease(DrillGate gate, string scenarioId, string systemId, TimeSpan waited, string? waitedFor) : IDisposable
{
    private int _released;

    /// <summary>How long the drill waited for its turn.</summary>
    public TimeSpan Waited { get; } = waited;

    /// <summary>What it waited for, when it waited noticeably.</summary>
    public string? WaitedFor { get; } = waitedFor;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release(scenarioId, systemId);
        }
    }
}
