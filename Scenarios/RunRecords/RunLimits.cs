namespace Drills.Scenarios.RunRecords;

/// <summary>
/// The bounds a run was drilled with, kept with it: a run recovered after a crash is rolled back with these,
/// not with whatever the catalogue or the restarted process says today.
/// </summary>
/// <param name="ProbeInterval">How often the checks were polled.</param>
/// <param name="MaxDuration">The scenario's stop condition.</param>
/// <param name="RollbackTimeout">Upper bound for rolling the target back.</param>
internal sealed record RunLimits(TimeSpan ProbeInterval, TimeSpan MaxDuration, TimeSpan RollbackTimeout);
