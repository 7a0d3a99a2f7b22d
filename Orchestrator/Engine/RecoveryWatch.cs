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
/// Rounds are sent one interval apart whether or not the previous one has answered (up to
/// <see cref="MaxRoundsOut"/> at once), so a slow check (an exec while the engine is busy) never holds
/// the next round back; answers are folded in the order the rounds were sent. A round's time is when
/// its last answer came: the first moment drills knew every item passed. Never the send time, since a
/// probe can be held (a connection the engine's port proxy keeps open while the service starts) and
/// answer for a later moment than the one it was sent at.
/// </summary>
internal sealed class RecoveryWatch
{
    /// <summary>
    /// Rounds out at once: a slow round does not hold the next back, yet probing never piles execs on a busy engine
    /// (more rounds out made every exec slower, and with it every round's answer, in the timing-honesty benchmark).
    /// </summary>
    public const int MaxRoundsOut = 2;

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

    /// <summary>Rounds sent and not yet folded, by sequence number; folded strictly in order.</summary>
    private readonly SortedDictionary<long, Round> _unfolded = [];
    private long _nextSequence;
    private long _nextToFold;
    private bool _restoring;
    private TimeSpan? _restoreEndedAt;
    private TimeSpan _lastStepEndedAt;
    private TimeSpan _lastSent = TimeSpan.MinValue;

    /// <summary>Rounds sent before this do not count towards recovery (an operator confirmed a manual step then).</summary>
    private TimeSpan _streakFloor = TimeSpan.MinValue;
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
            _streakFloor = _clock.Elapsed;
        }
    }

    /// <summary>A restore step ended: no round answered after this counts from before it.</summary>
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
        using var rounds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var outstanding = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_recovered.Task.IsCompleted)
            {
                var started = _clock.Elapsed;
                outstanding.Add(ProbeOnceAsync(started, rounds.Token));
                await ReapAsync(outstanding, MaxRoundsOut - 1);
                await NapAsync(started + _interval - _clock.Elapsed, cancellationToken);
            }
        }
        finally
        {
            // Recovered, stopped or failed: the rounds still out are not needed; they end with the watch.
            await rounds.CancelAsync();
            await Task.WhenAll(outstanding.Select(Quietly));
        }
    }

    /// <summary>Waits until at most <paramref name="keep"/> rounds are out; a round that failed surfaces its error here.</summary>
    private static async Task ReapAsync(List<Task> outstanding, int keep)
    {
        while (outstanding.Count > keep)
        {
            await Task.WhenAny(outstanding);
            foreach (var done in outstanding.Where(t => t.IsCompleted).ToArray())
            {
                outstanding.Remove(done);
                await done;
            }
        }

        foreach (var done in outstanding.Where(t => t.IsCompleted).ToArray())
        {
            outstanding.Remove(done);
            await done;
        }
    }

    /// <summary>A round cut short after the watch ended: its answer, or its error, no longer matters.</summary>
    private static async Task Quietly(Task round)
    {
        try
        {
            await round;
        }
        catch (Exception)
        {
        }
    }

    /// <param name="started">When the round was sent: it counts towards recovery only if sent after the last manual confirmation.</param>
    private async Task ProbeOnceAsync(TimeSpan started, CancellationToken cancellationToken)
    {
        bool restoring;
        long sequence;
        lock (_gate)
        {
            restoring = _restoring;
            sequence = _nextSequence++;
            _lastSent = started;
            _unfolded[sequence] = new Round(started, restoring ? "restore" : "attack", null, started);
        }

        var results = restoring
            ? await _steady.VerifyAsync(_verify, _target, _baseline, cancellationToken)
            : await _steady.ChecksAsync(_target, cancellationToken);
        var at = _clock.Elapsed;
        var folded = new List<Round>();
        lock (_gate)
        {
            _unfolded[sequence] = _unfolded[sequence] with { Results = results, AnsweredAt = Max(at, _lastStepEndedAt) };
            while (_unfolded.TryGetValue(_nextToFold, out var next) && next.Results is not null)
            {
                _unfolded.Remove(_nextToFold++);
                folded.Add(next);
                foreach (var result in next.Results)
                {
                    Observe(new CheckObservation(next.Phase, result.Item, result.Result.Passed, next.AnsweredAt, result.Result.Observation));
                }
            }
        }

        foreach (var round in folded)
        {
            Fold(round, at);
        }
    }

    /// <summary>One answered round, in the order rounds were sent: impact during the attack, the passing streak during restore.</summary>
    private void Fold(Round round, TimeSpan at)
    {
        var failed = round.Results!.FirstOrDefault(r => !r.Result.Passed);
        if (round.Phase == "attack")
        {
            // Impact is what the attack did: failures seen once restore began are the restore's doing.
            if (failed.Item is not null && _impact.TrySetResult(round.AnsweredAt))
            {
                _journal.RecordAt(JournalMark.Impact, round.AnsweredAt, $"Impact observed: {failed.Item} failed", failed.Result.Observation);
            }

            return;
        }

        TimeSpan? confirmedAt = null;
        lock (_gate)
        {
            var counts = failed.Item is null && round.Sent >= _streakFloor;
            _passingSince = counts ? _passingSince ?? round.AnsweredAt : null;
            if (counts && _restoreEndedAt is { } ended && round.Sent >= ended)
            {
                confirmedAt = _passingSince;
            }
        }

        if (confirmedAt is { } t1 && _recovered.TrySetResult(t1))
        {
            _journal.RecordAt(JournalMark.Recovered, t1, "Recovered: every verify item passes",
                Invariant($"T1 is when the first probe round of the passing streak had answered; confirmed by a round sent at +{round.Sent.TotalSeconds:0.000} s, after the restore steps ended"));
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
            if (_restoreEndedAt is { } ended && _lastSent < ended)
            {
                // The restore steps ended after the last round was sent: send the confirming round now.
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

    /// <param name="Results">Null while the round is out.</param>
    /// <param name="AnsweredAt">When its last answer came (never before a restore step that ended first): the round's time.</param>
    private sealed record Round(TimeSpan Sent, string Phase, IReadOnlyList<ItemResult>? Results, TimeSpan AnsweredAt);
}
