using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Index;

/// <summary>The history of runs held in memory, read the way the SQLite store reads its columns.</summary>
internal sealed class RecordHistory(IEnumerable<RunRecord> runs) : IDrillHistory
{
    private readonly RunRecord[] _runs = runs.ToArray();

    public IReadOnlyList<SystemHistory> ReadHistory(int recent) =>
        _runs.GroupBy(run => run.SystemId, StringComparer.Ordinal)
            .Select(system =>
            {
                var newestFirst = system.OrderByDescending(run => run.StartedAtUtc).ThenByDescending(run => run.RunId, StringComparer.Ordinal).ToArray();
                var drills = newestFirst.Where(DrillDigest.IsDrill).ToArray();
                return new SystemHistory(system.Key, drills.Length, drills.Count(run => run.Outcome is RunOutcome.Passed),
                    drills.Take(recent).Select(DrillDigest.Of).ToArray(), newestFirst[0] with { Journal = [] });
            })
            .ToArray();

    public IReadOnlyDictionary<string, int> CountDrillsSince(IReadOnlyDictionary<string, DateTimeOffset> since) =>
        since.ToDictionary(
            pair => pair.Key,
            pair => _runs.Count(run => run.SystemId == pair.Key && DrillDigest.IsDrill(run) && DrillDigest.Of(run).DrilledAtUtc >= pair.Value),
            StringComparer.Ordinal);
}
