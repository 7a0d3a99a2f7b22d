using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Regulation;

namespace Drills.Reports.Index;

/// <summary>
/// Builds the index from the catalogue and the stored drills: every system of the catalogue (one never
/// drilled included, overdue) and every system found only in stored runs, filtered, worst first.
/// </summary>
internal static class IndexBuilder
{
    /// <summary>How many of the latest drills the trend chart shows.</summary>
    public const int TrendLength = 12;

    /// <param name="catalogue">The catalogue in force; null when none could be read (rows then come from stored runs alone).</param>
    /// <param name="now">The injected clock's now: the cadence is counted back from it.</param>
    public static CioIndex Build(DrillCatalogue? catalogue, IDrillHistory history, DateTimeOffset now, IndexFilter filter)
    {
        var stored = history.ReadHistory(TrendLength).ToDictionary(h => h.SystemId, StringComparer.Ordinal);
        var rows = new List<IndexRow>();
        foreach (var system in catalogue?.Systems.Values ?? [])
        {
            rows.Add(Row(system.Id, system.Title, system.Agency, system.Level, system.RtoTarget, true, stored.GetValueOrDefault(system.Id)));
        }

        var levels = catalogue?.Levels ?? LevelTargets.Product;
        foreach (var (id, found) in stored.Where(pair => catalogue?.Systems.ContainsKey(pair.Key) != true))
        {
            var run = found.Latest;
            var policy = run.Level ?? (levels.Policies.TryGetValue(run.SecurityLevel, out var configured)
                ? configured
                : new LevelPolicy(run.SecurityLevel, run.RtoTarget, Cadence.Yearly, Cadence.Yearly));
            rows.Add(Row(id, run.SystemTitle, run.Agency, policy, run.RtoTarget, catalogue is null, found));
        }

        var kept = rows.Where(filter.Keeps).ToList();
        var since = kept.Where(row => row.Drills > 0)
            .ToDictionary(row => row.SystemId, row => now.AddMonths(-row.Policy.DrillCadence.Months), StringComparer.Ordinal);
        var counts = since.Count == 0 ? new Dictionary<string, int>() : history.CountDrillsSince(since);
        var ordered = kept.Select(row => row with { DrillsInCadence = counts.GetValueOrDefault(row.SystemId) })
            .Order(WorstFirst.Instance)
            .ToArray();
        return new CioIndex(now, ordered, filter, catalogue is not null);
    }

    private static IndexRow Row(string id, string title, string agency, LevelPolicy policy, TimeSpan target, bool inCatalogue, SystemHistory? history)
    {
        var last = history is { Recent.Count: > 0 } ? history.Recent[0] : null;
        return new IndexRow
        {
            SystemId = id,
            Title = title,
            Agency = agency,
            Policy = policy,
            InCatalogue = inCatalogue,
            Last = last,
            Target = last?.Target ?? target,
            Drills = history?.Drills ?? 0,
            Passed = history?.Passed ?? 0,
            DrillsInCadence = 0,
            Trend = history?.Recent.Reverse().ToArray() ?? [],
        };
    }
}
