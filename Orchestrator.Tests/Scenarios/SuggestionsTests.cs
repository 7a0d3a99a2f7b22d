using System.Diagnostics;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Scenarios;

public sealed class SuggestionsTests
{
    [Fact]
    public void Near_word_is_suggested_whatever_its_case()
    {
        Assert.Equal("restore-backup", Suggestions.Nearest("Restor-backup", ["restart", "restore-backup"]));
    }

    [Fact]
    public void Long_words_get_no_suggestion_and_cost_no_quadratic_time()
    {
        var word = new string('a', 300_000);
        var stopwatch = Stopwatch.StartNew();

        var nearest = Suggestions.Nearest(word, [word, word + "b", "a"]);

        Assert.Null(nearest);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void Fix_lists_at_most_twenty_allowed_words()
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"system-{i:000}").ToList();

        var fix = Suggestions.Fix("zzz", ids);

        Assert.EndsWith("system-019 (and 480 more)", fix, StringComparison.Ordinal);
    }
}
