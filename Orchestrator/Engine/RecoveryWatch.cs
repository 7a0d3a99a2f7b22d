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
/// once restore begins it watches the verify items. Each item's answer is timed on its own: the first
/// moment drills knew that item's state. Recovery (T1) is when the last verify item began its passing
/// streak (its first passing answer with no failing answer since), provided every item's streak is
/// still unbroken at the first round sent after the restore steps ended, so a service that comes up
/// and falls over again mid-restore does not count as recovered early. A quick item (an HTTP check)
/// is therefore not held back to the answer of a slow one (an exec while the engine is busy) that had
/// been passing all along.
/// Rounds are sent one interval apart whether or not the previous one has answered (up to
/// <see cref="MaxRoundsOut"/> at once), so a slow check never holds the next round back; answers are
/// folded in the order the rounds were sent. Never the send time: a probe can be held (a connection
/// the engine's port proxy keeps open while the service starts) and answer for a later moment than the
/// one it was sent at.
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
    private TimeSpan _lastSent = TimeSpan.MinValue;

    /// <summary>Rounds sent before this do not count towards recovery (an operator confirmed a manual step then).</summary>
    private TimeSpan _streakFloor = TimeSpan.MinValue;

    /// <summary>Per verify item, in the items' order: the first passing answer since its last failing one; null while failing.</summary>
    private TimeSpan?[] _passingSince = [];
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
            Array.Clear(_passingSince);
            _streakFloor = _clock.Elapsed;
        }
    }

    /// <summary>Marks the end of the restore steps and probes at once rather than at the next tick.</summary>
    public void RestoreEnded(TimeSpan at)
    {
        CancellationTokenSource? nap;
        lock (_gate)
        {
            _restoreEndedAt = at;
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
        while (true)
        {
            foreach (var done in outstanding.Where(t => t.IsCompleted).ToArray())
            {
                outstanding.Remove(done);
                await done;
            }

            if (outstanding.Count <= keep)
            {
                return;
            }

            await Task.WhenAny(outstanding);
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
            _unfolded[sequence] = new Round(started, restoring ? "restore" : "attack", null);
        }

        var probes = restoring
            ? _steady.StartVerify(_verify, _target, _baseline, cancellationToken)
            : _steady.StartChecks(_target, cancellationToken);
        var answers = await Task.WhenAll(probes.Select(TimedAsync));
        var folded = new List<Round>();
        lock (_gate)
        {
            _unfolded[sequence] = _unfolded[sequence] with { Answers = answers };
            while (_unfolded.TryGetValue(_nextToFold, out var next) && next.Answers is not null)
            {
                _unfolded.Remove(_nextToFold++);
                folded.Add(next);
                foreach (var answer in next.Answers)
                {
                    Observe(new CheckObservation(next.Phase, answer.Result.Item, answer.Result.Result.Passed, answer.At, answer.Result.Result.Observation));
                }
            }
        }

        foreach (var round in folded)
        {
            Fold(round);
        }
    }

    /// <summary>One item's result and the moment its answer came.</summary>
    private async Task<Answer> TimedAsync(Task<ItemResult> probe)
    {
        var result = await probe;
        return new Answer(result, _clock.Elapsed);
    }

    /// <summary>One answered round, in the order rounds were sent: impact during the attack, the passing streaks during restore.</summary>
    private void Fold(Round round)
    {
        var answers = round.Answers!;
        if (round.Phase == "attack")
        {
            // Impact is what the attack did: failures seen once restore began are the restore's doing.
            var failed = answers.Where(a => !a.Result.Result.Passed).OrderBy(a => a.At).FirstOrDefault();
            if (failed is not null && _impact.TrySetResult(failed.At))
            {
                _journal.RecordAt(JournalMark.Impact, failed.At, $"Impact observed: {failed.Result.Item} failed", failed.Result.Result.Observation);
            }

            return;
        }

        Answer? last = null;
        TimeSpan? confirmedAt = null;
        lock (_gate)
        {
            var counts = round.Sent >= _streakFloor;
            if (_passingSince.Length != answers.Count)
            {
                _passingSince = new TimeSpan?[answers.Count];
            }

            for (var i = 0; i < answers.Count; i++)
            {
                _passingSince[i] = counts && answers[i].Result.Result.Passed ? _passingSince[i] ?? answers[i].At : null;
            }

            if (_passingSince.All(since => since is not null) && _restoreEndedAt is { } ended && round.Sent >= ended)
            {
                var lastToPass = Enumerable.Range(0, answers.Count).MaxBy(i => _passingSince[i]!.Value);
                (last, confirmedAt) = (answers[lastToPass], _passingSince[lastToPass]);
            }
        }

        if (confirmedAt is { } t1 && _recovered.TrySetResult(t1))
        {
            _journal.RecordAt(JournalMark.Recovered, t1, "Recovered: every verify item passes",
                Invariant($"T1 is the first passing answer of the last verify item to pass ({last!.Result.Item}), every item passing since; confirmed by a round sent at +{round.Sent.TotalSeconds:0.000} s, after the restore steps ended"));
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

    /// <param name="Answers">Null while the round is out.</param>
    private sealed record Round(TimeSpan Sent, string Phase, IReadOnlyList<Answer>? Answers);

    /// <param name="At">When the answer came: the first moment drills knew the item's state.</param>
    private sealed record Answer(ItemResult Result, TimeSpan At);
}
