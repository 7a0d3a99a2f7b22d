using System.Text.RegularExpressions;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Findings the journal holds and the run's outcome does not: an attack nobody saw, a rollback that did not
/// complete or waits for an operator, a container that differs from the catalogue, a quiesce command that failed.
/// Matched on the engine's fixed wording, which <c>JournalTextTests</c> reads from its source.
/// </summary>
internal static partial class JournalFindings
{
    public static IEnumerable<PlanFinding> Of(RunRecord run)
    {
        if (NoImpact(run))
        {
            yield return new("no-impact",
                new("Tấn công không gây ảnh hưởng quan sát được: mọi kiểm tra vẫn đạt sau khi tấn công — tấn công có thể đã không thành công, hoặc các kiểm tra không phát hiện được nó.",
                    "The attack had no observable impact: every check still passed after it — the attack may have failed, or the checks cannot see it."),
                new("Rà soát kịch bản và các kiểm tra: xác nhận bước tấn công thực sự tác động đến dữ liệu hoặc dịch vụ, và bổ sung kiểm tra phát hiện được tác động đó (nội dung trang, truy vấn dữ liệu, kiểm tra toàn vẹn).",
                    "Review the scenario and the checks: confirm the attack step really affects the data or the service, and add a check that detects it (page content, a data query, an integrity check)."),
                ImprovementFindings.NoteDetail(run, NoImpactNote) ?? Labels.NoImpact.En);
        }

        if (RollbackFailed(run) is { } failed)
        {
            yield return new("rollback-failed",
                new("Hệ thống đích chưa được khôi phục về trạng thái ban đầu sau khi diễn tập bị hủy.",
                    "The target was not rolled back to its baseline after the drill was aborted."),
                new($"Kiểm tra và sửa hệ thống ngay ('drills recover {run.RunId}'), rồi tìm vì sao việc khôi phục về trạng thái ban đầu không hoàn tất (container, bản sao lưu, kiểm tra) trước lần diễn tập tiếp theo.",
                    $"Check and repair the system now ('drills recover {run.RunId}'), then find why the rollback did not complete (container, backup, checks) before the next drill."),
                failed);
        }

        if (run.Journal.LastOrDefault(e => e.Message.StartsWith(StaleNote, StringComparison.Ordinal)) is { } stale)
        {
            yield return new("stale-baseline",
                new("Diễn tập bị gián đoạn và đường cơ sở đã cũ: việc khôi phục về trạng thái ban đầu phải chờ người vận hành quyết định.",
                    "The drill was interrupted and its baseline went stale: the rollback waits for an operator's decision."),
                new($"Kiểm tra hệ thống, rồi chạy 'drills recover {run.RunId} --confirm' (hoặc thêm --keep-data nếu hệ thống đã được sửa tay); giữ 'drills serve' chạy để lần chạy bị gián đoạn được xử lý trước khi đường cơ sở kịp cũ.",
                    $"Check the system, then run 'drills recover {run.RunId} --confirm' (or add --keep-data if it was repaired by hand); keep 'drills serve' running so an interrupted run is handled before its baseline goes stale."),
                stale.Message[StaleNote.Length..]);
        }

        if (run.Journal.FirstOrDefault(e => Drift().IsMatch(e.Message)) is { } drift)
        {
            yield return new("container-drift",
                new("Container đang chạy khác với khai báo trong danh mục: diễn tập đo trên container như hiện có.",
                    "The running container differs from the catalogue: the drill measured the container as it is."),
                new("Xoá container (hoặc thêm bước redeploy) để drills tạo lại từ cấu hình đã khai báo, hoặc cập nhật danh mục cho khớp với hệ thống thật.",
                    "Remove the container (or add a redeploy step) so drills recreates it from the declared settings, or update the catalogue to match the real system."),
                drift.Message);
        }

        foreach (var quiesce in run.Journal.Where(e => e.Mark == JournalMark.Quiesce && QuiesceFailed().IsMatch(e.Message))
                     .GroupBy(e => QuiesceFailed().Match(e.Message).Groups["which"].Value, StringComparer.Ordinal))
        {
            var last = quiesce.Last();
            yield return new($"quiesce:{quiesce.Key}",
                new($"Lệnh tạm dừng ghi dữ liệu (quiesce '{quiesce.Key}') không thành công: hệ thống có thể bị bỏ ở trạng thái dừng.",
                    $"The quiesce '{quiesce.Key}' command did not succeed: the system may have been left at rest."),
                new("Chạy thử lệnh trong container, sửa lệnh hoặc tăng quiesce.timeout, và kiểm tra hệ thống đã hoạt động ghi dữ liệu trở lại.",
                    "Try the command inside the container, fix it or raise quiesce.timeout, and check the system accepts writes again."),
                string.IsNullOrEmpty(last.Detail) ? last.Message : $"{last.Message}: {last.Detail}");
        }
    }

    /// <summary>The engine's note when every check still passed after the attack steps.</summary>
    public const string NoImpactNote = "Finding: the attack had no observable impact";

    /// <summary>The first words of the note that says an interrupted run's rollback waits for an operator.</summary>
    public const string StaleNote = "Rollback waits for an operator: ";

    /// <summary>A run ended after its attack began, was not rolled back and not kept as it was on purpose; its failure's words, or null.</summary>
    public static string? RollbackFailed(RunRecord run)
    {
        var failed = run.Journal.LastOrDefault(e => e.Mark == JournalMark.Rollback && NotDone().IsMatch(e.Message));
        if (failed is not null)
        {
            return string.IsNullOrEmpty(failed.Detail) ? failed.Message : $"{failed.Message}: {failed.Detail}";
        }

        var keptOnPurpose = run.Journal.Any(e => e.Message.StartsWith("No baseline snapshot is restored", StringComparison.Ordinal));
        return run is { Outcome: RunOutcome.Aborted, RolledBack: false } && AttackFacts.Began(run) && !keptOnPurpose
            ? run.AbortReason ?? "not rolled back"
            : null;
    }

    private static bool NoImpact(RunRecord run) =>
        run.Journal.Any(e => e.Message == NoImpactNote)
        || (run is { Outcome: RunOutcome.Passed or RunOutcome.Failed, ImpactObserved: false } && AttackFacts.Began(run));

    [GeneratedRegex(@"\ARollback (did NOT complete|NOT possible)", RegexOptions.CultureInvariant)]
    private static partial Regex NotDone();

    [GeneratedRegex(@"\AWarning: container \S+ differs from the catalogue", RegexOptions.CultureInvariant)]
    private static partial Regex Drift();

    [GeneratedRegex(@"\AQuiesce '(?<which>\w+)' (?:run by recovery: )?(?:FAILED|TIMED OUT|COULD NOT RUN|did not complete)", RegexOptions.CultureInvariant)]
    private static partial Regex QuiesceFailed();
}
