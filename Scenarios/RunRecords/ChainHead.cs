namespace Drills.Scenarios.RunRecords;

/// <summary>The end of a run's hash-chained journal: the last event's hash and how many events the chain holds.</summary>
internal sealed record ChainHead(string Hash, int Events);
