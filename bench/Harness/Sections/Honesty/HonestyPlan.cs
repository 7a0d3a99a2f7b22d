namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// Which portals and which drills, in the order they run. The first drills cover every start delay and every probe
/// interval, then every pair gets its turn before any gets another (so a slow spell of the machine falls on all alike,
/// and a run its budget cuts short still covers each of them).
/// </summary>
internal sealed record HonestyPlan(IReadOnlyList<SlowPortal> Portals, IReadOnlyList<(SlowPortal Portal, TimeSpan Interval)> Drills, TimeSpan Budget)
{
    /// <summary>The first of the section's host ports (19311–19330).</summary>
    private const int FirstPort = 19311;

    public static HonestyPlan For(bool quick, IReadOnlyList<TimeSpan> intervals)
    {
        // (delay, drills at each interval): a 30 s portal costs the most, so it is drilled twice, at the shortest and
        // the longest interval; quick drills the 2 s portal once, at the sample catalogue's 500 ms.
        (double Seconds, int[] Rounds)[] delays = quick
            ? [(0.5, [1, 1, 1]), (2, [0, 1, 0])]
            : [(0.5, [3, 3, 3]), (2, [2, 2, 2]), (8, [1, 1, 1]), (30, [1, 0, 1])];
        var portals = delays.Select((d, i) => new SlowPortal(TimeSpan.FromSeconds(d.Seconds), FirstPort + i)).ToArray();
        var pending = portals.Zip(delays)
            .SelectMany(p => intervals.SelectMany((interval, i) => Enumerable.Repeat((Portal: p.First, Interval: interval), p.Second.Rounds[i])))
            .ToList();
        var drills = new List<(SlowPortal Portal, TimeSpan Interval)>();
        while (pending.Count > 0)
        {
            var next = pending
                .OrderByDescending(d => drills.All(x => x.Portal != d.Portal) && drills.All(x => x.Interval != d.Interval))
                .ThenByDescending(d => drills.All(x => x.Portal != d.Portal) || drills.All(x => x.Interval != d.Interval))
                .ThenBy(d => drills.Count(x => x == d))
                .First();
            drills.Add(next);
            pending.Remove(next);
        }

        // The section's share of the suite's budget (15 minutes full, 3 quick), set-up included.
        return new HonestyPlan(portals, drills, quick ? TimeSpan.FromSeconds(45) : TimeSpan.FromMinutes(4));
    }
}
