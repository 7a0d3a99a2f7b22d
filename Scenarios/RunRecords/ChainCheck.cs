namespace Drills.Scenarios.RunRecords;

/// <summary>What <see cref="JournalChain.Verify"/> found: every break, and the events recorded before the journal was chained.</summary>
/// <param name="Breaks">Every event where the chain does not hold, in journal order; empty when intact.</param>
/// <param name="Unchained">Numbers of events that carry no hash (recorded by an earlier version): legal, but unprotected.</param>
/// <param name="Head">The chain's end as read: the last event's hash and the number of events; null for an empty journal.</param>
internal sealed record ChainCheck(IReadOnlyList<ChainBreak> Breaks, IReadOnlyList<int> Unchained, ChainHead? Head)
{
    public bool Intact => Breaks.Count == 0;
}
