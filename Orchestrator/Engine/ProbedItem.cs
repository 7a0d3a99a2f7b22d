namespace Drills.Orchestrator.Engine;

/// <summary>
/// One check or verify item the recovery watch probes on its own: its probes' answers taken in the order the probes
/// were sent, and its passing streak. Not thread-safe: the watch guards every call with its lock.
/// </summary>
internal sealed class ProbedItem(ItemProbe probe, bool duringAttack)
{
    /// <summary>Probes sent and not yet taken, by sequence number (null while out); taken strictly in order.</summary>
    private readonly SortedDictionary<long, ProbeAnswer?> _waiting = [];
    private long _nextSequence;
    private long _nextToTake;

    public ItemProbe Probe => probe;

    public string Name => probe.Name;

    /// <summary>A check probed for the attack's impact; otherwise a verify item probed for recovery.</summary>
    public bool DuringAttack => duringAttack;

    /// <summary>The phase of its observations in the run record.</summary>
    public string Phase => duringAttack ? "attack" : "restore";

    public TimeSpan LastSent { get; private set; } = TimeSpan.MinValue;

    /// <summary>The first passing answer since the last failing one; null while failing.</summary>
    public TimeSpan? PassingSince { get; private set; }

    /// <summary>Passing, and passed a probe sent after the restore steps ended with no failure since.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>
    /// An answer that came failing waits behind a slower probe sent before it: the item's streak is already broken,
    /// though its answers in order do not say so yet.
    /// </summary>
    public bool FailureWaiting => _waiting.Values.Any(answer => answer is { Passed: false });

    /// <summary>Notes a probe sent; returns its sequence number.</summary>
    public long Sent(TimeSpan at)
    {
        LastSent = at;
        _waiting[_nextSequence] = null;
        return _nextSequence++;
    }

    /// <summary>Notes the probe's answer; returns the answers now in order (none while an earlier probe is still out).</summary>
    public IReadOnlyList<ProbeAnswer> Answered(long sequence, ProbeAnswer answer)
    {
        _waiting[sequence] = answer;
        var inOrder = new List<ProbeAnswer>();
        while (_waiting.TryGetValue(_nextToTake, out var next) && next is not null)
        {
            _waiting.Remove(_nextToTake++);
            inOrder.Add(next);
        }

        return inOrder;
    }

    /// <summary>Extends or breaks the passing streak with the next answer in order.</summary>
    /// <param name="streakFloor">Probes sent before this do not count (an operator confirmed a manual step then).</param>
    /// <param name="restoreEndedAt">When the restore steps ended; null while they run.</param>
    public void Take(ProbeAnswer answer, TimeSpan streakFloor, TimeSpan? restoreEndedAt)
    {
        var passes = answer.Passed && answer.Sent >= streakFloor;
        PassingSince = passes ? PassingSince ?? answer.At : null;
        Confirmed = passes && (Confirmed || restoreEndedAt is { } ended && answer.Sent >= ended);
    }

    /// <summary>An operator confirmed a manual step: the streak starts over from the next passing answer.</summary>
    public void RestartStreak() => (PassingSince, Confirmed) = (null, false);
}

/// <param name="Sent">When the probe was sent: it counts towards recovery only if sent after the last manual confirmation.</param>
/// <param name="At">When the answer came: the first moment drills knew the item's state.</param>
internal sealed record ProbeAnswer(ItemResult Result, TimeSpan Sent, TimeSpan At)
{
    public bool Passed => Result.Result.Passed;
}
