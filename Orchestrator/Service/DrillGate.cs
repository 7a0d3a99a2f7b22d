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

    /// <summary>The scenario that last took each system: what a drill that found its system taken waited for.</summary>
    private readonly Dictionary<string, string> _lastHolders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scenarios = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    /// <summary>A wait shorter than this is not worth a note in the run's origin.</summary>
    private static readonly TimeSpan NoticeableWait = TimeSpan.FromMilliseconds(100);

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
            string? before;
            lock (_lock)
            {
                // Held from here: a fire due the same instant names this drill even while it waits for a global slot.
                _lastHolders.TryGetValue(systemId, out before);
                _lastHolders[systemId] = _holders[systemId] = scenarioId;
            }

            if (waitedFor is null && before is not null && _time.GetElapsedTime(started) >= NoticeableWait)
            {
                // Admitted before the drill ahead had registered: it waited for that drill all the same.
                waitedFor = $"'{before}' on the same system ({systemId})";
            }

            if (_global.CurrentCount == 0)
            {
                waitedFor ??= $"a free slot (at most {_limit} drill(s) at once)";
            }

            await _global.WaitAsync(cancellationToken);
        }
        catch
        {
            Withdraw(scenarioId, systemId, holdsSystem ? admitted.System : null);
            throw;
        }

        var waited = _time.GetElapsedTime(started);
        return new DrillLease(this, scenarioId, systemId, waited, waited >= NoticeableWait ? waitedFor : null);
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
    private void Withdraw(string scenarioId, string systemId, SemaphoreSlim? heldSystem)
    {
        lock (_lock)
        {
            if (heldSystem is not null)
            {
                _holders.Remove(systemId);
            }

            _scenarios.Remove(scenarioId);
        }

        heldSystem?.Release();
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
