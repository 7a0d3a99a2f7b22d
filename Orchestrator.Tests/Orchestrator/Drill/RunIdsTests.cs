using System.Text.RegularExpressions;
using Drills.Orchestrator.Drill;

namespace Drills.Orchestrator.Tests.Orchestrator.Drill;

public sealed class RunIdsTests
{
    private static readonly DateTimeOffset Second = new(2026, 11, 23, 22, 43, 2, TimeSpan.FromHours(7));

    [Fact]
    public void A_run_id_starts_with_its_UTC_second_and_ends_with_64_random_bits()
    {
        Assert.Matches(new Regex("^20261123-154302-[0-9a-f]{16}$"), RunIds.New(Second));
    }

    [Fact]
    public void Ten_thousand_runs_started_in_the_same_second_get_ten_thousand_ids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => RunIds.New(Second)).ToHashSet();

        Assert.Equal(10_000, ids.Count);
    }
}
