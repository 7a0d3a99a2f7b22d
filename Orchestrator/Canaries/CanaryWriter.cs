using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Drill;
using Drills.Scenarios.Catalogue;
using static System.FormattableString;

namespace Drills.Orchestrator.Canaries;

/// <summary>
/// Writes unique markers into a target on a steady schedule: marker slots fall at start + k × interval, so a slow
/// write skips the slots it overran instead of shifting every later one, and a write never starts while another runs.
/// Each write is bounded by <see cref="WriteBound"/>; a write that fails, times out or is refused is recorded, not
/// counted as written.
/// </summary>
internal sealed class CanaryWriter
{
    /// <summary>
    /// 20 000 markers: each read-back line is about 40 bytes, so this many fit the 1 MiB an exec keeps; past it a
    /// read could not tell a lost marker from a cut one, so the writer stops and says so.
    /// </summary>
    public const int MaxMarkers = 20_000;

    private readonly IContainerRuntime _runtime;
    private readonly string _containerId;
    private readonly CanarySpec _canary;
    private readonly string _runId;
    private readonly DrillClock _clock;
    private readonly List<CanaryWrite> _writes = [];
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public CanaryWriter(IContainerRuntime runtime, string containerId, CanarySpec canary, string runId, DrillClock clock)
    {
        (_runtime, _containerId, _canary, _runId, _clock) = (runtime, containerId, canary, runId, clock);
    }

    /// <summary>How long one write may take: the interval, and never less than 5 s (an exec into a busy system).</summary>
    public TimeSpan WriteBound => _canary.Interval > MinWriteBound ? _canary.Interval : MinWriteBound;

    /// <summary>True once <see cref="MaxMarkers"/> were written and the writer stopped on its own.</summary>
    public bool Capped { get; private set; }

    /// <summary>Every write so far, in order.</summary>
    public IReadOnlyList<CanaryWrite> Writes
    {
        get
        {
            lock (_writes)
            {
                return _writes.ToArray();
            }
        }
    }

    /// <summary>The marker of the n-th write (from 1): the run id and a fixed-width sequence, so no marker is a prefix of another.</summary>
    public static string MarkerFor(string runId, int sequence) => Invariant($"{runId}-{sequence:D6}");

    /// <summary>Starts writing now; the first marker is written at once.</summary>
    /// <param name="cancellationToken">The drill's: cancels a write in flight too, where <see cref="StopAsync"/> lets it finish.</param>
    public void Start(CancellationToken cancellationToken) =>
        _loop = Task.Run(() => LoopAsync(cancellationToken), CancellationToken.None);

    /// <summary>Stops scheduling writes; a write in flight finishes (within its bound) so its outcome is known. Returns every write.</summary>
    public async Task<IReadOnlyList<CanaryWrite>> StopAsync()
    {
        _stop.TrySetResult();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The drill was cancelled: what was written so far is still the record.
        }

        return Writes;
    }

    private async Task LoopAsync(CancellationToken drillToken)
    {
        var start = _clock.Elapsed;
        var slot = 0L;
        for (var sequence = 1; sequence <= MaxMarkers; sequence++)
        {
            if (!await WaitForSlotAsync(start + _canary.Interval * slot, drillToken))
            {
                return;
            }

            var write = await WriteAsync(MarkerFor(_runId, sequence), drillToken);
            lock (_writes)
            {
                _writes.Add(write);
            }

            slot = NextSlot(slot, _clock.Elapsed - start, _canary.Interval);
        }

        Capped = true;
    }

    /// <summary>Waits until the slot is due; false when the writer was stopped first.</summary>
    private async Task<bool> WaitForSlotAsync(TimeSpan due, CancellationToken drillToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(drillToken);
        var delay = _clock.DelayAsync(due - _clock.Elapsed, waiting.Token);
        await Task.WhenAny(delay, _stop.Task);
        await waiting.CancelAsync();
        drillToken.ThrowIfCancellationRequested();
        return !_stop.Task.IsCompleted;
    }

    /// <summary>The next slot after <paramref name="slot"/> not yet past: a write that overran its slots skips them.</summary>
    public static long NextSlot(long slot, TimeSpan sinceStart, TimeSpan interval)
    {
        var reached = (long)Math.Ceiling(sinceStart.Ticks / (double)interval.Ticks);
        return Math.Max(slot + 1, reached);
    }

    private async Task<CanaryWrite> WriteAsync(string marker, CancellationToken drillToken)
    {
        using var bound = new CancellationTokenSource(WriteBound, _clock.Provider);
        using var token = CancellationTokenSource.CreateLinkedTokenSource(drillToken, bound.Token);
        string? failure;
        try
        {
            var result = await _runtime.ExecAsync(_containerId, _canary.WriteFor(marker), token.Token);
            failure = result.Succeeded ? null : $"exit {result.ExitCode}: {result.ShortOutput()}";
        }
        catch (OperationCanceledException) when (!drillToken.IsCancellationRequested)
        {
            failure = Invariant($"no answer within {WriteBound.TotalSeconds:0.###} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The writer must never end the drill: a refused write is a measured fact, not an error.
            failure = ex.Message;
        }

        return new CanaryWrite(marker, _clock.UtcAt(_clock.Elapsed), failure is null, failure);
    }

    private static readonly TimeSpan MinWriteBound = TimeSpan.FromSeconds(5);
}
