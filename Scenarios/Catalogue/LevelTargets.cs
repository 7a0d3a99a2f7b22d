using Drills.Scenarios.Regulation;

namespace Drills.Scenarios.Catalogue;

/// <summary>
/// What each security level (1..5) asks: default recovery target, drill cadence and restore-test cadence.
/// Product defaults, not law (see docs/scenario-format.md): the file's <c>levels</c> section overrides
/// them, because the rules move with the regime in force and must stay data.
/// </summary>
internal sealed record LevelTargets(IReadOnlyDictionary<int, LevelPolicy> Policies)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    /// <summary>Defaults after TCVN 14423:2026 as summarised publicly; where the text says only "periodic", a product choice.</summary>
    public static LevelTargets Product { get; } = new(new Dictionary<int, LevelPolicy>
    {
        [1] = new(1, TimeSpan.FromHours(24), Cadence.Yearly, Cadence.Yearly),
        [2] = new(2, TimeSpan.FromHours(24), Cadence.Yearly, Cadence.Yearly),
        [3] = new(3, TimeSpan.FromHours(8), Cadence.Yearly, Cadence.HalfYearly),
        [4] = new(4, TimeSpan.FromHours(4), Cadence.Yearly, Cadence.HalfYearly),
        [5] = new(5, TimeSpan.FromHours(1), Cadence.Yearly, Cadence.Quarterly),
    });

    public TimeSpan For(int level) => Policies[level].RtoTarget;

    public LevelPolicy PolicyFor(int level) => Policies[level];
}
