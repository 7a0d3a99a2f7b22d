namespace Drills.Reports.Index;

/// <summary>Where the index reads stored drills: the SQLite run store answers from columns, a list of records in memory.</summary>
internal interface IDrillHistory
{
    /// <summary>Every system with a stored run, each with its latest <paramref name="recent"/> drills.</summary>
    IReadOnlyList<SystemHistory> ReadHistory(int recent);

    /// <summary>For each system named, how many of its drills were done at or after the time given for it.</summary>
    IReadOnlyDictionary<string, int> CountDrillsSince(IReadOnlyDictionary<string, DateTimeOffset> since);
}
