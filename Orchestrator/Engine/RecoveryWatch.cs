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
/// once restore begins it watches the verify items. Every item is probed on its own, one interval
/// apart start to start, whether or not its previous probe has answered (up to <see cref="MaxProbesOut"/>
/// out at once), so a slow item (an exec while the engine is busy) never holds a quick one (an HTTP
/// check) back. Each answer is timed when it came: the first moment drills knew that item's state.
/// Never the send time: a probe can be held (a connection the engine's port proxy keeps open while the
/// service starts) and answer for a later moment than the one it was sent at.
/// Recovery (T1) is when the last verify item began its passing streak (its first passing answer with
/// no failing answer since), once every item has passed a probe sent after the restore steps ended with
/// its streak unbroken; so a service that comes up and falls over again mid-restore does not count as
/// recovered early.
/// </summary>
internal sealed class RecoveryWatch
{
    /// <summary>
    /// Probes of one item out at once: a slow answer does not hold the next probe back, yet probing never piles execs
    /// on a busy engine (more out made every exec slower, and with it every answer, in the timing-honesty benchmark).
    /// </summary>
    public const int MaxProbesOut = 2;

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
    private readonly TaskCompletionSource _restoreBegan = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    /// <summary>Probes still out when their item's loop ended: awaited when the watch ends.</summary>
    private readonly List<Task> _leftover = [];
    private TimeSpan? _restoreEndedAt;

    /// <summary>Probes sent before this do not count towards recovery (an operator confirmed a manual step then).</summary>
    private TimeSpan _streakFloor = TimeSpan.MinValue;

    /// <summary>The verify items, in their order; empty until restore began.</summary>
    private ProbedItem[] _verifying = [];

    /// <summary>Completed (and replaced) to cut every item's wait short: the restore began, its steps ended, or it recovered.</summary>
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
        _restoreBegan.TrySetResult();
        Wake();
    }

    /// <summary>
    /// An operator just confirmed a manual step: the system counts as recovered only from the next passing
    /// probe on, since checks cannot see what the human did. So a waited manual step is measured.
    /// </summary>
    public void RestartStreak()
    {
        lock (_gate)
        {
            foreach (var item in _verifying)
            {
                item.RestartStreak();
            }

            _streakFloor = _clock.Elapsed;
        }
    }

    /// <summary>Marks the end of the restore steps and probes every item at once rather than at its next tick.</summary>
    public void RestoreEnded(TimeSpan at)
    {
        lock (_gate)
        {
            _restoreEndedAt = at;
        }

        Wake();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loops = new List<Task>();
        try
        {
            var attack = AllOrFirstFault(Start(_steady.CheckProbes(_target), duringAttack: true, loops, probing.Token));
            // The attack's items stop once restore begins (woken, they send no more); the verify items start at once.
            await Task.WhenAny(attack, _restoreBegan.Task);
            if (!_restoreBegan.Task.IsCompleted)
            {
                await attack;
                return;
            }

            ProbedItem[] verifying;
            lock (_gate)
            {
                verifying = _verifying = [.. _steady.VerifyProbes(_verify, _target, _baseline).Select(probe => new ProbedItem(probe, duringAttack: false))];
            }

            await AllOrFirstFault([attack, .. Start(verifying, loops, probing.Token)]);
        }
        finally
        {
            // Recovered, stopped or failed: no item is probed any more, and the probes still out end with the watch.
            await probing.CancelAsync();
            await Task.WhenAll(loops.Select(Quietly));
            Task[] leftover;
            lock (_gate)
            {
                leftover = [.. _leftover];
            }

            await Task.WhenAll(leftover.Select(Quietly));
        }
    }

    private List<Task> Start(IEnumerable<ItemProbe> probes, bool duringAttack, List<Task> loops, CancellationToken probing) =>
        Start(probes.Select(probe => new ProbedItem(probe, duringAttack)), loops, probing);

    private List<Task> Start(IEnumerable<ProbedItem> items, List<Task> loops, CancellationToken probing)
    {
        var started = items.Select(item => ProbeAsync(item, probing)).ToList();
        loops.AddRange(started);
        return started;
    }

    /// <summary>
    /// Probes one item every interval until the watch has what it needs from it: the attack's items until restore
    /// begins, the verify items until recovery. A probe that failed to run (not a failing check: an error) ends it.
    /// </summary>
    private async Task ProbeAsync(ProbedItem item, CancellationToken probing)
    {
        var outstanding = new List<Task>();
        try
        {
            while (!probing.IsCancellationRequested && !_recovered.Task.IsCompleted && !(item.DuringAttack && _restoreBegan.Task.IsCompleted))
            {
                var sent = _clock.Elapsed;
                outstanding.Add(SendAsync(item, sent, probing));
                await ReapAsync(outstanding, MaxProbesOut - 1);
                await NapAsync(item, sent + _interval - _clock.Elapsed, probing);
            }
        }
        finally
        {
            lock (_gate)
            {
                _leftover.AddRange(outstanding);
            }
        }
    }

    /// <summary>Sends one probe, times its answer and takes the item's answers that are now in order.</summary>
    private async Task SendAsync(ProbedItem item, TimeSpan sent, CancellationToken probing)
    {
        long sequence;
        lock (_gate)
        {
            sequence = item.Sent(sent);
        }

        var answer = new ProbeAnswer(await item.Probe.Send(probing), sent, _clock.Elapsed);
        bool impact;
        (TimeSpan T1, string Last)? recovered;
        lock (_gate)
        {
            // Impact is the first failing answer to come: what the attack did (failures seen once restore began are the restore's doing).
            // Continuations run asynchronously, so completing it here runs nothing under the lock.
            impact = item.DuringAttack && !answer.Passed && _impact.TrySetResult(answer.At);
            foreach (var next in item.Answered(sequence, answer))
            {
                Observe(new CheckObservation(item.Phase, next.Result.Item, next.Passed, next.At, next.Result.Result.Observation));
                if (!item.DuringAttack)
                {
                    item.Take(next, _streakFloor, _restoreEndedAt);
                }
            }

            // Judged on every answer taken: one that came after a passing answer and failed breaks the streak.
            recovered = item.DuringAttack ? null : RecoveredNow();
        }

        if (impact)
        {
            _journal.RecordAt(JournalMark.Impact, answer.At, $"Impact observed: {answer.Result.Item} failed", answer.Result.Result.Observation);
        }

        if (recovered is { } t1 && _recovered.TrySetResult(t1.T1))
        {
            _journal.RecordAt(JournalMark.Recovered, t1.T1, "Recovered: every verify item passes",
                Invariant($"T1 is the first passing answer of the last verify item to pass ({t1.Last}), every item passing since; confirmed by {item.Name} sent at +{answer.Sent.TotalSeconds:0.000} s, after the restore steps ended"));
            Wake();
        }
    }

    /// <summary>
    /// T1 and the item that passed last, once every verify item's streak holds past the restore steps' end and none has
    /// a failing answer waiting behind a slower probe; null until then. Called under the lock.
    /// </summary>
    private (TimeSpan T1, string Last)? RecoveredNow()
    {
        if (!_verifying.All(i => i.Confirmed && !i.FailureWaiting))
        {
            return null;
        }

        var last = _verifying.MaxBy(i => i.PassingSince!.Value)!;
        return (last.PassingSince!.Value, last.Name);
    }

    /// <summary>Waits until at most <paramref name="keep"/> probes are out; a probe that failed to run surfaces its error here.</summary>
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

    /// <summary>Awaits every task, surfacing the first failure at once rather than after the others end.</summary>
    private static async Task AllOrFirstFault(List<Task> tasks)
    {
        while (tasks.Count > 0)
        {
            var done = await Task.WhenAny(tasks);
            tasks.Remove(done);
            await done;
        }
    }

    /// <summary>A probe or loop cut short after the watch ended: its answer, or its error, no longer matters.</summary>
    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
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

    /// <summary>
    /// Waits out the rest of the item's interval (nothing when its probe overran it), cut short when the restore
    /// begins, its steps end or the system recovered.
    /// </summary>
    private async Task NapAsync(ProbedItem item, TimeSpan rest, CancellationToken probing)
    {
        Task wake;
        lock (_gate)
        {
            if (rest <= TimeSpan.Zero || _recovered.Task.IsCompleted || item.DuringAttack && _restoreBegan.Task.IsCompleted)
            {
                return;
            }

            if (!item.DuringAttack && _restoreEndedAt is { } ended && item.LastSent < ended)
            {
                // The restore steps ended after this item's last probe was sent: send the confirming one now.
                return;
            }

            wake = _wake.Task;
        }

        using var nap = CancellationTokenSource.CreateLinkedTokenSource(probing);
        await Task.WhenAny(_clock.DelayAsync(rest, nap.Token), wake);
        await nap.CancelAsync();
    }

    /// <summary>Cuts every item's wait short; later waits use a fresh signal.</summary>
    private void Wake()
    {
        TaskCompletionSource wake;
        lock (_gate)
        {
            (wake, _wake) = (_wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        wake.TrySetResult();
    }
}
