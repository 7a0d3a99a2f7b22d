namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// Which portals and which drills, in the order they run: rounds go over every delay and interval in turn, so a slow
/// spell of the machine falls on all of them alike and a run cut short by its budget still covers each of them.
/// </summary>
internal sealed record HonestyPlan(IReadOnlyList<SlowPortal> Portals, IReadOnlyList<(SlowPortal Portal, TimeSpan Interval)> Drills, TimeSpan Budget)
{
    /// <summary>The first of the section's host ports (19311–19330).</summary>
    private const int FirstPort = 19311;

    public static HonestyPlan For(bool quick, IReadOnlyList<TimeSpan> intervals)
    {
        // (delay, rounds, whether every round drills each interval): a 30 s portal costs the most, so it is drilled
        // twice, once at the shortest and once at the longest interval.
        (double Seconds, int Rounds, bool Each)[] delays = quick
            ? [(0.5, 1, true), (2, 1, false)]
            : [(0.5, 3, true), (2, 2, true), (8, 1, true), (30, 2, false)];
        var portals = delays.Select((d, i) => new SlowPortal(TimeSpan.FromSeconds(d.Seconds), FirstPort + i)).ToList();
        var drills = new List<(SlowPortal, TimeSpan)>();
        for (var round = 0; round < delays.Max(d => d.Rounds); round++)
        {
            foreach (var (portal, (_, rounds, each)) in portals.Zip(delays))
            {
                if (round < rounds)
                {
                    // One interval a round: the shortest first, then the longest (quick: the sample's 500 ms).
                    TimeSpan[] one = [quick ? intervals[intervals.Count / 2] : round == 0 ? intervals[0] : intervals[^1]];
                    drills.AddRange((each ? intervals : one).Select(i => (portal, i)));
                }
            }
        }

        // The section's share of the suite's budget (15 minutes full, 3 quick), set-up included.
        return new HonestyPlan(portals, drills, quick ? TimeSpan.FromSeconds(45) : TimeSpan.FromMinutes(4));
    }
}
