using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

public sealed class JournalChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<JournalEvent> Journal(int count = 6) => JournalChain.Chain(
        Enumerable.Range(1, count).Select(n => new JournalEvent(n, JournalMark.Note, Start.AddSeconds(n), TimeSpan.FromSeconds(n), $"event {n}", n % 2 == 0 ? "detail" : null)));

    [Fact]
    public void Canonical_form_is_compact_json_in_a_fixed_key_order_with_the_previous_hash()
    {
        var entry = new JournalEvent(1, JournalMark.Started, Start, TimeSpan.FromMilliseconds(1), "Bắt đầu \"drill\"");

        var canonical = JournalChain.Canonical(entry, JournalChain.Genesis);

        Assert.Equal("{\"seq\":1,\"mark\":\"Started\",\"ts\":\"2026-12-01T04:00:00.0000000+00:00\",\"elapsed\":10000,\"message\":\"Bắt đầu \\\"drill\\\"\",\"detail\":null,\"prev\":\"" +
                     new string('0', 64) + "\"}", canonical);
    }

    [Fact]
    public void A_line_is_the_canonical_form_plus_its_hash_and_the_hash_is_the_sha256_of_the_rest()
    {
        var first = Journal()[0];

        var line = JournalChain.Line(first);

        Assert.EndsWith($",\"hash\":\"{first.Hash}\"}}", line, StringComparison.Ordinal);
        var body = line[..line.LastIndexOf(",\"hash\"", StringComparison.Ordinal)] + "}";
        Assert.Equal(first.Hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))));
    }

    [Fact]
    public void An_untouched_chain_is_intact_and_ends_at_its_head()
    {
        var journal = Journal();

        var check = JournalChain.Verify(journal, journal[^1].Hash);

        Assert.True(check.Intact, string.Join("\n", check.Breaks));
        Assert.Equal(new ChainHead(journal[^1].Hash!, 6), check.Head);
    }

    [Fact]
    public void An_edited_event_is_named()
    {
        var journal = Journal().ToList();
        journal[2] = journal[2] with { Message = "event 3, rewritten" };

        var broken = Assert.Single(JournalChain.Verify(journal, journal[^1].Hash).Breaks);

        Assert.Equal((3, ChainFault.Edited), (broken.Event!.Value, broken.Fault));
    }

    [Fact]
    public void An_edited_and_rehashed_event_is_found_by_the_event_after_it()
    {
        var journal = Journal().ToList();
        journal[2] = JournalChain.Link(journal[2] with { Message = "event 3, rewritten" }, journal[1].Hash);

        var broken = Assert.Single(JournalChain.Verify(journal, journal[^1].Hash).Breaks);

        Assert.Equal(4, broken.Event);
        Assert.Equal(ChainFault.Edited, broken.Fault);
        Assert.Contains("event 3", broken.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_swapped_events_are_reordered()
    {
        var journal = Journal().ToList();
        (journal[2], journal[3]) = (journal[3], journal[2]);

        var breaks = JournalChain.Verify(journal, Journal()[^1].Hash).Breaks;

        Assert.All(breaks, b => Assert.Equal(ChainFault.Reordered, b.Fault));
        Assert.Equal([4, 3], breaks.Select(b => b.Event!.Value));
    }

    [Fact]
    public void A_deleted_event_is_named_by_the_event_after_the_gap()
    {
        var journal = Journal().ToList();
        journal.RemoveAt(2);

        var broken = Assert.Single(JournalChain.Verify(journal, journal[^1].Hash).Breaks);

        Assert.Equal((4, ChainFault.Deleted), (broken.Event!.Value, broken.Fault));
        Assert.Contains("event 3", broken.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_last_event_breaks_the_head()
    {
        var original = Journal();
        var journal = original.Take(5).ToList();

        var broken = Assert.Single(JournalChain.Verify(journal, original[^1].Hash).Breaks);

        Assert.Equal(ChainFault.HeadMismatch, broken.Fault);
    }

    [Fact]
    public void An_inserted_event_with_a_forged_link_is_named()
    {
        var journal = Journal().ToList();
        var forged = JournalChain.Link(new JournalEvent(3, JournalMark.Note, Start.AddSeconds(3), TimeSpan.FromSeconds(3), "all fine"), journal[1].Hash);
        journal.Insert(2, forged);

        var broken = Assert.Single(JournalChain.Verify(journal, journal[^1].Hash).Breaks);

        Assert.Equal((3, ChainFault.Inserted, 4), (broken.Event!.Value, broken.Fault, broken.Line));
    }

    [Fact]
    public void An_inserted_event_with_a_new_number_links_to_nothing()
    {
        var journal = Journal().ToList();
        journal.Insert(2, JournalChain.Link(new JournalEvent(99, JournalMark.Note, Start, TimeSpan.Zero, "planted"), new string('a', 64)));

        var broken = Assert.Single(JournalChain.Verify(journal, journal[^1].Hash).Breaks);

        Assert.Equal((99, ChainFault.Inserted), (broken.Event!.Value, broken.Fault));
    }

    [Fact]
    public void Events_recorded_before_the_chain_are_unchained_not_broken()
    {
        var legacy = Enumerable.Range(1, 2).Select(n => new JournalEvent(n, JournalMark.Note, Start, TimeSpan.Zero, $"old {n}")).ToList();
        var after = JournalChain.Link(new JournalEvent(3, JournalMark.Note, Start, TimeSpan.Zero, "new"), null);

        var check = JournalChain.Verify([.. legacy, after], after.Hash);

        Assert.True(check.Intact, string.Join("\n", check.Breaks));
        Assert.Equal([1, 2], check.Unchained);
    }
}
