namespace Drills.Scenarios.Regulation;

/// <summary>
/// What a security level asks of a system, as configured when a drill ran: its default recovery target,
/// how often it must be drilled and how often a restore from backup must be tested. Data, not law:
/// the figures move with the regime in force and a catalogue's <c>levels</c> section overrides them.
/// </summary>
internal sealed record LevelPolicy(int Level, TimeSpan RtoTarget, Cadence DrillCadence, Cadence RestoreTestCadence);
