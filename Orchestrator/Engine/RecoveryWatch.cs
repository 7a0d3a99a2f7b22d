using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Drill;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Polls the target at the probe interval from T0 until recovery, so impact and recovery are observed,
/// never assumed. During the attack it watches the system's checks for the first failure (impact);
/// once restore begins it watches the verify items. Recovery (T1) is the start of the passing streak
/// that is still unbroken at the first probe after the restore steps ended, so a service that comes
/// up and falls over again mid-restore does not count as recovered early.
/// A probe round's time is when it was sent, and rounds start one interval apart (a round that takes
/// longer starts the next at once): how long the checks take to answer never delays T1 or the next
/// probe, so T1 is late by less than one interval. A passing round that was still out when a restore
/// step ended counts only from that step's end: the engine may have held the container until then
/// (an exec waits while the container starts), so its answer says nothing about earlier.
/// </summary>
internal sealed class RecoveryWatch
{
    private readonly DrillClock _clock;
    private readonly DrillJournal _journal;
    private readonly SteadyState _steady;
    private readonly DrillTarget _target;
    private readonly BaselineBackup _baseline;
    private readonly IReadOnlyList<VerifyItem> _verify;
    private readonly TimeSpan _interval;
    private readonly List<CheckObservation> _observations = [];
    private readonly Dictionary<(string Phase, string Check), int> _latest = [];
    private readonly TaskCompletionSource<TimeSpan> _impact = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TimeSpan> _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _restoring;
    private TimeSpan? _restoreEndedAt;
    private TimeSpan _lastStepEndedAt;
    private TimeSpan? _passingSince;
    private CancellationTokenSource? _nap;

    public RecoveryWatch(DrillClock clock, DrillJournal journal, SteadyState steady, DrillTarget target,
        BaselineBackup baseline, IReadOnlyList<VerifyItem> verify, TimeSpan interval)
    {
        (_clock, _journal, _steady, _target, _baseline, _verify, _interval) =
            (clock, journal, steady, target, baseline, verify, interval);
    }

    public Task<TimeSpan> Impact => _impact.Task;

    public Task<TimeSpan> Recovered => _recovered.Task;

    public IReadOnlyList<CheckObservation> Observations
    {
        get
        {
            lock (_gate)
            {
                return _observations.ToArray();
            }
        }
    }

    public void RestoreStarted()
    {
        lock (_gate)
        {
            _restoring = true;
        }
    }

    /// <summary>
    /// An operator just confirmed a manual step: the system counts as recovered only from the next passing
    /// probe on, since checks cannot see what the human did. So a waited manual step is measured.
    /// </summary>
    public void RestartStreak()
    {
        lock (_gate)
        {
            _passingSince = null;
        }
    }

    /// <summary>A restore step ended: no passing round sent before this counts from before it.</summary>
    public void StepEnded(TimeSpan at)
    {
        lock (_gate)
        {
            _lastStepEndedAt = Max(_lastStepEndedAt, at);
        }
    }

    /// <summary>Marks the end of the restore steps and probes at once rather than at the next tick.</summary>
    public void RestoreEnded(TimeSpan at)
    {
        CancellationTokenSource? nap;
        lock (_gate)
        {
            _restoreEndedAt = at;
            _lastStepEndedAt = Max(_lastStepEndedAt, at);
            nap = _nap;
        }

        // Outside the lock: cancelling can run the probe loop's continuation inline.
        try
        {
            nap?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The nap ended on its own meanwhile; the loop probes next anyway.
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !_recovered.Task.IsCompleted)
        {
            var started = _clock.Elapsed;
            await ProbeOnceAsync(started, cancellationToken);
            await NapAsync(started + _interval - _clock.Elapsed, cancellationToken);
        }
    }

    /// <param name="started">When the round was sent: the time of every observation it makes.</param>
    private async Task ProbeOnceAsync(TimeSpan started, CancellationToken cancellationToken)
    {
        bool restoring;
        lock (_gate)
        {
            restoring = _restoring;
        }

        var phase = restoring ? "restore" : "attack";
        var results = restoring
            ? await _steady.VerifyAsync(_verify, _target, _baseline, cancellationToken)
            : await _steady.ChecksAsync(_target, cancellationToken);
        var at = _clock.Elapsed;
        lock (_gate)
        {
            foreach (var result in results)
            {
                Observe(new CheckObservation(phase, result.Item, result.Result.Passed, started, result.Result.Observation));
            }
        }

        var failed = results.FirstOrDefault(r => !r.Result.Passed);
        // Impact is what the attack did: failures seen once restore began are the restore's doing.
        if (!restoring && failed.Item is not null && _impact.TrySetResult(started))
        {
            _journal.RecordAt(JournalMark.Impact, started, $"Impact observed: {failed.Item} failed", failed.Result.Observation);
        }

        if (restoring)
        {
            Track(failed.Item is null, started, at);
        }
    }

    /// <summary>Folds an observation into the previous one of the same check when nothing changed.</summary>
    private void Observe(CheckObservation seen)
    {
        var key = (seen.Phase, seen.Check);
        if (_latest.TryGetValue(key, out var index)
            && _observations[index] is { } last
            && last.Passed == seen.Passed
            && string.Equals(last.Observation, seen.Observation, StringComparison.Ordinal))
        {
            _observations[index] = last with { Repeats = last.Repeats + 1, LastAt = seen.At };
            return;
        }

        _latest[key] = _observations.Count;
        _observations.Add(seen);
    }

    private void Track(bool allPassed, TimeSpan started, TimeSpan at)
    {
        TimeSpan? confirmedAt = null;
        lock (_gate)
        {
            _passingSince = allPassed ? _passingSince ?? Max(started, _lastStepEndedAt) : null;
            if (allPassed && _restoreEndedAt is { } ended && started >= ended)
            {
                confirmedAt = _passingSince;
            }
        }

        if (confirmedAt is { } t1 && _recovered.TrySetResult(t1))
        {
            _journal.RecordAt(JournalMark.Recovered, t1, "Recovered: every verify item passes",
                Invariant($"T1 is when the first probe of the passing streak was sent; confirmed by a probe answered at +{at.TotalSeconds:0.000} s, after the restore steps ended"));
        }
    }

    /// <summary>Waits out the rest of the interval (nothing when the round overran it), cut short when the restore ends.</summary>
    private async Task NapAsync(TimeSpan rest, CancellationToken cancellationToken)
    {
        if (rest <= TimeSpan.Zero)
        {
            return;
        }

        using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            if (_restoreEndedAt is not null && _passingSince is not null)
            {
                // Restore just ended while the target looked healthy: confirm without waiting a tick.
                return;
            }

            _nap = nap;
        }

        try
        {
            await _clock.DelayAsync(rest, nap.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            lock (_gate)
            {
                _nap = null;
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
