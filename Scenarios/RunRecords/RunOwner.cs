namespace Drills.Scenarios.RunRecords;

/// <summary>The process that owns a running drill. The start time tells a reused process id from the original.</summary>
internal sealed record RunOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedUtc);
