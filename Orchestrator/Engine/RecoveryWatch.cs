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
/// check) back. Each answer is timed when it came: the first moment drills knew that item's state;
/// an item's answers are taken in the order its probes were sent.
/// Recovery (T1) is when the last verify item began its passing streak (its first passing answer with
/// no failing answer since), once every item has passed a probe sent after the restore steps ended with
/// its streak unbroken; so a service that comes up and falls over again mid-restore does not count as
/// recovered early. Never the send time: a probe can be held (a connection the engine's port proxy
/// keeps open while the service starts) and answer for a later moment than the one it was sent at.
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

    /// <summary>Probes still out when their item stopped being probed (the attack ended): awaited when the watch ends.</summary>
    private readonly List<Task> _leftover = [];
    private bool _restoring;
    private TimeSpan? _restoreEndedAt;

    /// <summary>Probes sent before this do not count towards recovery (an operator confirmed a manual step then).</summary>
    private TimeSpan _streakFloor = TimeSpan.MinValue;

    /// <summary>The verify items' streaks, in the items' order; empty until restore began.</summary>
    private Item[] _verifying = [];

    /// <summary>Completed (and replaced) to cut every item's wait short: the restore began, or its steps ended.</summary>
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
        lock (_gate)
        {
            _restoring = true;
        }

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
                (item.PassingSince, item.Confirmed) = (null, false);
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
        using var probes = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var attack = AllOrFirstFault([.. _steady.CheckProbes(_target).Select((probe, i) =>
                ProbeAsync(new Item(i, "attack", probe), probes.Token, cancellationToken))]);
            // The attack's probes stop once restore begins, each after its own wait; the verify items start at once.
            await Task.WhenAny(attack, _restoreBegan.Task);
            if (!_restoreBegan.Task.IsCompleted)
            {
                await attack;
                return;
            }

            Item[] verifying;
            lock (_gate)
            {
                verifying = _verifying = [.. _steady.VerifyProbes(_verify, _target, _baseline).Select((probe, i) => new Item(i, "restore", probe))];
            }

            await AllOrFirstFault([attack, .. verifying.Select(item => ProbeAsync(item, probes.Token, cancellationToken))]);
        }
        finally
        {
            // Recovered, stopped or failed: the probes still out are not needed; they end with the watch.
            await probes.CancelAsync();
            Task[] leftover;
            lock (_gate)
            {
                leftover = [.. _leftover];
            }

            await Task.WhenAll(leftover.Select(Quietly));
        }
    }

    /// <summary>
    /// Probes one item every interval until the watch has what it needs from it: the attack's items until restore
    /// begins, the verify items until recovery. A probe that failed to run (not a failing check: an error) ends it.
    /// </summary>
    private async Task ProbeAsync(Item item, CancellationToken probes, CancellationToken cancellationToken)
    {
        var outstanding = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested && !_recovered.Task.IsCompleted && !(item.Phase == "attack" && Restoring))
            {
                var sent = _clock.Elapsed;
                outstanding.Add(SendAsync(item, sent, probes));
                await ReapAsync(outstanding, MaxProbesOut - 1);
                await NapAsync(item, sent + _interval - _clock.Elapsed, cancellationToken);
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

    private bool Restoring
    {
        get
        {
            lock (_gate)
            {
                return _restoring;
            }
        }
    }

    /// <summary>Sends one probe, times its answer and folds the item's answers that are now in order.</summary>
    private async Task SendAsync(Item item, TimeSpan sent, CancellationToken cancellationToken)
    {
        long sequence;
        lock (_gate)
        {
            sequence = item.NextSequence++;
            item.LastSent = sent;
            item.Unfolded[sequence] = null;
        }

        var result = await item.Probe(cancellationToken);
        var answer = new Answer(result, sent, _clock.Elapsed);
        var folded = new List<Answer>();
        lock (_gate)
        {
            item.Unfolded[sequence] = answer;
            while (item.Unfolded.TryGetValue(item.NextToFold, out var next) && next is not null)
            {
                item.Unfolded.Remove(item.NextToFold++);
                folded.Add(next);
                item.Name = next.Result.Item;
                Observe(new CheckObservation(item.Phase, next.Result.Item, next.Result.Result.Passed, next.At, next.Result.Result.Observation));
            }
        }

        foreach (var next in folded)
        {
            if (item.Phase == "attack")
            {
                FoldAttack(next);
            }
            else
            {
                FoldRestore(item, next);
            }
        }
    }

    /// <summary>Impact is the first failing answer: what the attack did (failures seen once restore began are the restore's doing).</summary>
    private void FoldAttack(Answer answer)
    {
        if (!answer.Result.Result.Passed && _impact.TrySetResult(answer.At))
        {
            _journal.RecordAt(JournalMark.Impact, answer.At, $"Impact observed: {answer.Result.Item} failed", answer.Result.Result.Observation);
        }
    }

    /// <summary>One verify item's answer, in the order its probes were sent: its streak, and recovery once every item's holds.</summary>
    private void FoldRestore(Item item, Answer answer)
    {
        Item? last = null;
        lock (_gate)
        {
            var passes = answer.Result.Result.Passed && answer.Sent >= _streakFloor;
            item.PassingSince = passes ? item.PassingSince ?? answer.At : null;
            item.Confirmed = passes && (item.Confirmed || _restoreEndedAt is { } ended && answer.Sent >= ended);
            if (_verifying.All(i => i.Confirmed))
            {
                last = _verifying.MaxBy(i => i.PassingSince!.Value);
            }
        }

        if (last is { PassingSince: { } t1 } && _recovered.TrySetResult(t1))
        {
            _journal.RecordAt(JournalMark.Recovered, t1, "Recovered: every verify item passes",
                Invariant($"T1 is the first passing answer of the last verify item to pass ({last.Name}), every item passing since; confirmed by {item.Name} sent at +{answer.Sent.TotalSeconds:0.000} s, after the restore steps ended"));
            Wake();
        }
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

    /// <summary>A probe cut short after the watch ended: its answer, or its error, no longer matters.</summary>
    private static async Task Quietly(Task probe)
    {
        try
        {
            await probe;
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
    /// begins or its steps end.
    /// </summary>
    private async Task NapAsync(Item item, TimeSpan rest, CancellationToken cancellationToken)
    {
        Task wake;
        lock (_gate)
        {
            if (rest <= TimeSpan.Zero || item.Phase == "attack" && _restoring)
            {
                return;
            }

            if (item.Phase == "restore" && _restoreEndedAt is { } ended && item.LastSent < ended)
            {
                // The restore steps ended after this item's last probe was sent: send the confirming one now.
                return;
            }

            wake = _wake.Task;
        }

        using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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

    /// <summary>One check or verify item being probed; its fields are guarded by the watch's lock.</summary>
    private sealed class Item(int index, string phase, Probe probe)
    {
        public string Phase { get; } = phase;

        public Probe Probe { get; } = probe;

        /// <summary>The item's name, as its answers give it (a check describes itself when it answers).</summary>
        public string Name { get; set; } = Invariant($"item {index + 1}");

        /// <summary>Probes sent and not yet folded, by sequence number (null while out); folded strictly in order.</summary>
        public SortedDictionary<long, Answer?> Unfolded { get; } = [];

        public long NextSequence { get; set; }

        public long NextToFold { get; set; }

        public TimeSpan LastSent { get; set; } = TimeSpan.MinValue;

        /// <summary>The first passing answer since the last failing one; null while failing.</summary>
        public TimeSpan? PassingSince { get; set; }

        /// <summary>Passing, and passed a probe sent after the restore steps ended with no failure since.</summary>
        public bool Confirmed { get; set; }
    }

    /// <param name="Sent">When the probe was sent: it counts towards recovery only if sent after the last manual confirmation.</param>
    /// <param name="At">When the answer came: the first moment drills knew the item's state.</param>
    private sealed record Answer(ItemResult Result, TimeSpan Sent, TimeSpan At);
}
