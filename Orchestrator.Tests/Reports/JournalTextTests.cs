using Drills.Reports.AfterAction;

namespace Drills.Orchestrator.Tests.Reports;

/// <summary>
/// Every journal message the orchestrator can record has its Vietnamese text. The messages are read from the
/// orchestrator's source, so a new message without a pattern in <see cref="JournalPhrases"/> fails here.
/// </summary>
public sealed class JournalTextTests
{
    /// <summary>Values a placeholder would not stand for, because a pattern matches on their words: the phases and the quiesce commands.</summary>
    private static readonly Dictionary<string, string[]> HoleValues = new(StringComparer.Ordinal)
    {
        ["phase"] = ["attack", "restore"],
        ["MessageOf(which)"] = ["Quiesce 'before'", "Quiesce 'after'"],
        ["After"] = ["Quiesce 'after'"],
    };

    private static readonly JournalSources Source = new(JournalSources.RepositoryRoot(), new Dictionary<string, string[]>(HoleValues, StringComparer.Ordinal)
    {
        // QuiesceWindow records "{MessageOf(which)} {outcome} in …": the outcomes are what its callers pass.
        ["outcome"] = [.. new JournalSources(JournalSources.RepositoryRoot(), HoleValues).ArgumentsOf("Engine/QuiesceWindow.cs", "Record(which, ", 1)],
    });

    /// <summary>Messages built away from where they are recorded: the site, and where its texts come from.</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<string>>> Indirect = new(StringComparer.Ordinal)
    {
        ["DrillEngine.cs: ending.JournalMessage"] = () => Source.ArgumentsOf("Engine/DrillEnding.cs", "new(", 2),
        ["DrillEngine.cs: note"] = () => Source.ReturnsOf("Engine/OriginNote.cs", "For"),
        ["InterruptedRun.cs: refusal"] = () => Source.ReturnsOf("Engine/InterruptedRun.cs", "RefuseRollback"),
        ["CleanupAttestation.cs: Describe(cleanup, when)"] = () => Source.ReturnsOf("Engine/CleanupAttestation.cs", "Describe"),
    };

    /// <summary>Sites that rebuild events already recorded (reading journal.jsonl back), not new messages.</summary>
    private static readonly HashSet<string> ReadBack = new(StringComparer.Ordinal)
    {
        "JournalFile.cs: JsonText.Required(root, \"message\")",
    };

    [Fact]
    public void Every_journal_message_the_orchestrator_records_has_a_vietnamese_text()
    {
        var sites = Source.Sites().ToList();
        var missing = new List<string>();
        var samples = 0;
        foreach (var site in sites.Where(s => !ReadBack.Contains(s.Indirect)))
        {
            var texts = Source.Samples(site.File, site.Expression)
                        ?? (Indirect.TryGetValue(site.Indirect, out var built) ? built() : null);
            if (texts is null)
            {
                missing.Add($"{site}: built elsewhere; name where in JournalTextTests.Indirect");
                continue;
            }

            Assert.NotEmpty(texts);
            samples += texts.Count;
            missing.AddRange(texts.Where(t => JournalText.Vietnamese(t) is null).Select(t => $"{site}: \"{t}\" has no pattern in JournalPhrases"));
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        // Sanity: the reader found the sites it should (about 40 today), not a handful.
        Assert.True(sites.Count >= 35, $"only {sites.Count} journal sites found");
        Assert.True(samples >= 60, $"only {samples} sample messages");
    }

    [Fact]
    public void Every_reason_a_rollback_waits_for_an_operator_has_a_vietnamese_text()
    {
        var reasons = Source.ReturnsOf("Engine/StaleBaseline.cs", "Reason").Concat(Source.ReturnsOf("Engine/InterruptedRun.cs", "EndedUnsaved")).ToList();

        Assert.Equal(4, reasons.Count);
        Assert.All(reasons, r => Assert.NotNull(JournalText.StaleReason(r)));
    }

    [Fact]
    public void A_message_the_table_does_not_know_is_caught_by_the_source_reader()
    {
        var texts = Source.Samples("Engine/DrillPhases.cs", "$\"Brand new message about {target.Name}\"");

        Assert.Equal(["Brand new message about v"], texts);
        Assert.Null(JournalText.Vietnamese(texts![0]));
    }

    [Theory]
    [InlineData("Drill portal-ransomware against citizen-portal (drills-citizen-portal) started",
        "Bắt đầu diễn tập portal-ransomware trên hệ thống citizen-portal (container drills-citizen-portal)")]
    [InlineData("attack 1/2: encrypt-files /srv/www, /srv/data", "Bước tấn công 1/2: encrypt-files /srv/www, /srv/data")]
    [InlineData("restore 2: restore-backup FAILED in 1.2s", "Bước khôi phục 2: restore-backup THẤT BẠI sau 1.2s")]
    [InlineData("Impact observed: http http://127.0.0.1:18080/health → 200 failed", "Phát hiện ảnh hưởng: kiểm tra http http://127.0.0.1:18080/health → 200 không đạt")]
    [InlineData("Aborted: max_duration 10m exceeded before the system was verified", "Hủy bỏ: vượt quá max_duration 10m trước khi hệ thống được xác minh")]
    [InlineData("Drill finished: Passed", "Diễn tập kết thúc: Đạt")]
    [InlineData("Skipped: missed while the service was down", "Bỏ qua: bị lỡ khi dịch vụ ngừng hoạt động")]
    [InlineData("Waiting for operator: Restore DNS records by hand — confirm with: drills confirm 20261123-224302-fa65c1d2e3b4a596 2",
        "Chờ người vận hành: Restore DNS records by hand — xác nhận bằng lệnh: drills confirm 20261123-224302-fa65c1d2e3b4a596 2")]
    [InlineData("Confirmed by nguyen.van.a: Restore DNS records by hand", "nguyen.van.a đã xác nhận: Restore DNS records by hand")]
    [InlineData("Quiesce 'before' FAILED (exit 3) in 2s", "Lệnh tạm dừng ghi dữ liệu (quiesce 'before') THẤT BẠI (mã thoát 3) sau 2s")]
    [InlineData("Fired by the schedule, due 2026-11-23 02:00:00 UTC; started 12s late (waited 12s for a free slot (at most 2 drill(s) at once))",
        "Chạy theo lịch, hẹn lúc 2026-11-23 02:00:00 UTC; bắt đầu muộn 12s (đã chờ 12s cho một lượt trống (tối đa 2 diễn tập cùng lúc))")]
    [InlineData("Catch-up run for the missed fire due 2026-11-23 02:00:00 UTC", "Chạy bù cho lần hẹn bị lỡ lúc 2026-11-23 02:00:00 UTC")]
    [InlineData("Recovering an interrupted run: process 4242 on drills-host stopped mid-drill",
        "Đang xử lý lần chạy bị gián đoạn: tiến trình 4242 trên máy drills-host đã dừng giữa chừng")]
    [InlineData("Rollback waits for an operator: a later run of citizen-portal (20261124-010000-aa, passed) finished after it, so this baseline is out of date; restoring it would undo what happened since",
        "Việc khôi phục về trạng thái ban đầu chờ người vận hành: một lần chạy sau của citizen-portal (20261124-010000-aa, đạt) đã kết thúc sau nó, nên đường cơ sở này đã cũ; khôi phục nó sẽ xoá bỏ những gì đã diễn ra từ đó")]
    public void Recorded_messages_read_in_vietnamese_with_their_values_kept(string english, string vietnamese)
    {
        Assert.Equal(vietnamese, JournalText.Vietnamese(english));
    }

    [Fact]
    public void A_message_from_elsewhere_or_with_text_around_it_is_not_translated()
    {
        Assert.Null(JournalText.Vietnamese("Something else entirely"));
        Assert.Null(JournalText.Vietnamese("Restore started, and more"));
        Assert.Null(JournalText.Vietnamese("Note: Restore started"));
    }
}
