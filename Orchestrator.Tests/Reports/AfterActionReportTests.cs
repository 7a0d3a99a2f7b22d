using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Reports;

public sealed class AfterActionReportTests
{
    private readonly AfterActionReport report = new();

    [Fact]
    public void Passed_run_shows_outcome_recovery_time_against_target_every_event_and_every_step()
    {
        var run = SampleRuns.Passed();

        var html = report.Render(run, SampleRuns.Context);

        Assert.Contains("Đạt", html);
        Assert.Contains("Passed", html);
        Assert.Contains(">2.4 s<", html);
        Assert.Contains(">4 h<", html);
        Assert.Contains("within its 4 h target", html);
        Assert.All(run.Journal, e => Assert.Contains(e.Message, html));
        Assert.All(run.Steps, s => Assert.Contains(s.Description, html));
    }

    [Fact]
    public void Script_in_title_observation_and_message_renders_inert()
    {
        const string Attack = "<script>alert(1)</script>";
        var run = SampleRuns.Passed() with
        {
            ScenarioTitle = Attack,
            Steps = [new("attack", 1, "exec", "Run a command", true, TimeSpan.Zero, TimeSpan.FromSeconds(1), Attack)],
            Journal = [new(1, JournalMark.Note, SampleRuns.Start, TimeSpan.Zero, Attack, Attack)],
        };

        var html = report.Render(run, SampleRuns.Context);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Quotes_in_values_cannot_break_out_of_an_attribute()
    {
        var run = SampleRuns.Passed() with { RunId = "x\" onmouseover=\"alert(1)" };

        var html = report.Render(run, SampleRuns.Context);

        Assert.DoesNotContain("\" onmouseover=\"", html);
    }

    [Fact]
    public void Aborted_run_shows_the_abort_reason_and_the_rollback()
    {
        var html = report.Render(SampleRuns.Aborted(), SampleRuns.Context);

        Assert.Contains("Hủy bỏ", html);
        Assert.Contains("Aborted", html);
        Assert.Contains("max_duration 10m exceeded", html);
        Assert.Contains(SampleRuns.Both("Đã hoàn nguyên", "Rolled back"), html);
        Assert.Contains("the target was rolled back to its baseline", html);
    }

    [Fact]
    public void Aborted_run_without_rollback_says_so_plainly()
    {
        var html = report.Render(SampleRuns.Aborted() with { RolledBack = false }, SampleRuns.Context);

        Assert.Contains("the target was NOT rolled back", html);
    }

    [Fact]
    public void Failed_run_over_target_names_the_miss_and_the_failed_step()
    {
        var run = SampleRuns.Passed() with
        {
            Outcome = RunOutcome.Failed,
            RecoveryTime = TimeSpan.FromHours(5),
            Steps = [new("restore", 2, "restart", "Restart the container", false, TimeSpan.FromSeconds(2), TimeSpan.FromHours(5), "exit 137")],
        };

        var html = report.Render(run, SampleRuns.Context);

        Assert.Contains("Không đạt", html);
        Assert.Contains("The system recovered in 5 h, exceeding its 4 h target.", html);
        Assert.Contains("Recovery missed the target by 1 h", html);
        Assert.Contains("Step restore #2 (restart) failed: Restart the container", html);
        Assert.Contains("✘", html);
    }

    [Fact]
    public void Run_without_impact_reports_the_no_impact_finding()
    {
        var html = report.Render(SampleRuns.WithoutImpact(), SampleRuns.Context);

        Assert.Contains("Tấn công không gây ảnh hưởng quan sát được", html);
        Assert.Contains("The attack had no observable impact", html);
    }

    [Fact]
    public void Times_render_in_Ho_Chi_Minh_with_the_offset_and_keep_UTC()
    {
        var html = report.Render(SampleRuns.Passed(), SampleRuns.Context);

        // 19:00 UTC on 22 November is 02:00 on 23 November in Vietnam.
        Assert.Contains("2026-11-23 02:00:00 +07:00", html);
        Assert.Contains("02:00:01.500 +07:00", html);
        Assert.Contains("2026-11-22T19:00:01.500Z", html);
        Assert.Contains("23/11/2026", html);
    }

    [Fact]
    public void Repeated_identical_check_observations_are_grouped_into_one_row()
    {
        var html = report.Render(SampleRuns.Passed(), SampleRuns.Context);

        Assert.Single(Occurrences(html, "500 Internal Server Error"));
        Assert.Contains("×6", html);
        Assert.Contains("+1.5 s → +2.8 s", html);
        Assert.Contains("17 lần quan sát, gộp thành 4 dòng", html);
    }

    [Fact]
    public void Sections_appear_in_report_order()
    {
        var html = report.Render(SampleRuns.Passed(), SampleRuns.Context);

        string[] headings =
        [
            "id=\"cover\"", "id=\"summary\"", "id=\"overview\"", "id=\"regulatory\"", "id=\"timeline\"", "id=\"metrics\"",
            "id=\"analysis\"", "id=\"steps\"", "id=\"checks\"", "id=\"improvement\"", "id=\"evidence\"", "monotonic clock",
        ];
        var positions = headings.Select(h => html.IndexOf(h, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Rendering_is_deterministic_for_a_fixed_run_and_generation_time()
    {
        var first = report.Render(SampleRuns.Passed(), SampleRuns.Context);
        var second = new AfterActionReport().Render(SampleRuns.Passed(), SampleRuns.Context);

        Assert.Equal(first, second);
        Assert.StartsWith("<!DOCTYPE html>", first);
        Assert.Contains("<html lang=\"vi\">", first);
        Assert.Contains("BẢN NHÁP / DRAFT", first);
        Assert.Contains(SampleRuns.Both("Cấp độ 3", "Level 3"), first);
        Assert.Contains("0.1.0-test", first);
    }

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }
}
