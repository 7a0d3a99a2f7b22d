namespace Drills.Scenarios.Catalogue;

/// <summary>
/// Default recovery targets per security level (Decree 85/2016/ND-CP levels 1..5).
/// Product defaults, not law: the file's <c>levels</c> section overrides them, because the
/// rules are being consolidated and must stay data.
/// </summary>
internal sealed record LevelTargets(IReadOnlyDictionary<int, TimeSpan> RtoByLevel)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    public static LevelTargets Product { get; } = new(new Dictionary<int, TimeSpan>
    {
        [1] = TimeSpan.FromHours(24),
        [2] = TimeSpan.FromHours(24),
        [3] = TimeSpan.FromHours(8),
        [4] = TimeSpan.FromHours(4),
        [5] = TimeSpan.FromHours(1),
    });

    public TimeSpan For(int level) => RtoByLevel[level];
}
