using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Index;

/// <summary>One system in the CIO index: its last drill, its record over time and whether its level's drill cadence is kept.</summary>
internal sealed record IndexRow
{
    public required string SystemId { get; init; }
    public required string Title { get; init; }
    public required string Agency { get; init; }
    public required LevelPolicy Policy { get; init; }

    /// <summary>False for a system found only in stored runs: the catalogue read no longer declares it.</summary>
    public required bool InCatalogue { get; init; }

    /// <summary>The latest drill; null when the system was never drilled.</summary>
    public required DrillDigest? Last { get; init; }

    /// <summary>The target the last drill was judged by; the catalogue's (or the last run's) for a system never drilled.</summary>
    public required TimeSpan Target { get; init; }

    /// <summary>Every stored drill of the system, the pass rate's denominator.</summary>
    public required int Drills { get; init; }
    public required int Passed { get; init; }

    /// <summary>Drills done within one drill cadence before now.</summary>
    public required int DrillsInCadence { get; init; }

    /// <summary>The latest drills, oldest first, for the trend chart.</summary>
    public required IReadOnlyList<DrillDigest> Trend { get; init; }

    public int Level => Policy.Level;

    /// <summary>No drill within the level's drill cadence before now (a system never drilled is overdue).</summary>
    public bool Overdue => DrillsInCadence == 0;

    /// <summary>The last drill failed, missed its target or was aborted.</summary>
    public bool Failing => Last is { Outcome: not RunOutcome.Passed };

    public bool NeedsAttention => Failing || Overdue;

    /// <summary>The latest of the <see cref="Trend"/> drills that measured data loss; null when none did.</summary>
    public DrillDigest? LastMeasuredLoss => Trend.LastOrDefault(drill => drill.Loss is not null);

    /// <summary>The last measured loss window exceeded its rpo_target.</summary>
    public bool MissedRpo => LastMeasuredLoss?.Loss?.MetRpo == false;

    /// <summary>Passed drills over all stored drills (skips excluded); null before the first drill.</summary>
    public double? PassRate => Drills == 0 ? null : (double)Passed / Drills;

    /// <summary>How far the last recovery went into its target; no recovery measured (never drilled, not recovered) sorts as the worst.</summary>
    public double SortShare => Last?.ShareOfTarget ?? double.PositiveInfinity;
}
