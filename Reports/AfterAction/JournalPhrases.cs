using System.Text.RegularExpressions;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The table behind <see cref="JournalText"/>: every English message form the orchestrator records, anchored,
/// with named groups for its values, and its Vietnamese template (<c>{name}</c> a value as recorded,
/// <c>{name:map}</c> a value translated, <c>[...]</c> a part kept only when its values were recorded).
/// </summary>
internal static class JournalPhrases
{
    public static IReadOnlyList<JournalPhrase> Messages { get; } =
    [
        // The drill, from start to finish (Engine/DrillEngine, Engine/DrillPhases, Engine/RecoveryWatch, Engine/OriginNote).
        P(@"Drill (?<scenario>\S+) against (?<system>\S+) \((?<container>.+)\) started",
            "Bắt đầu diễn tập {scenario} trên hệ thống {system} (container {container})"),
        P(@"Fired by the schedule, due (?<due>.+?) UTC(?:; started (?<late>\S+) late)?(?: \(waited (?<waited>\S+) for (?<what>.+)\))?",
            "Chạy theo lịch, hẹn lúc {due} UTC[; bắt đầu muộn {late}][ (đã chờ {waited} cho {what:wait})]"),
        P(@"Catch-up run for the missed fire due (?<due>.+?) UTC(?:; started (?<late>\S+) late)?(?: \(waited (?<waited>\S+) for (?<what>.+)\))?",
            "Chạy bù cho lần hẹn bị lỡ lúc {due} UTC[; bắt đầu muộn {late}][ (đã chờ {waited} cho {what:wait})]"),
        P(@"Created container (?<container>\S+) from (?<image>.+)", "Đã tạo container {container} từ ảnh {image}"),
        P(@"Using container (?<container>\S+), labelled drills\.target=(?<system>.+)", "Dùng container {container} có nhãn drills.target={system}"),
        P(@"Warning: container (?<container>\S+) differs from the catalogue: (?<drift>.+)",
            "Cảnh báo: container {container} khác với khai báo trong danh mục: {drift}"),
        P(@"Container (?<container>\S+) joined the system's network (?<network>\S+)",
            "Container {container} đã được nối vào mạng riêng của hệ thống {network}"),
        P(@"Exhaust pressure released", "Đã giải phóng tải gây cạn kiệt tài nguyên"),
        P(@"Exhaust pressure NOT fully released", "CHƯA giải phóng hết tải gây cạn kiệt tài nguyên"),
        P(@"Exhaust pressure NOT released: its workers end by themselves when 'for' is over",
            "CHƯA giải phóng tải gây cạn kiệt tài nguyên: các tiến trình tải tự kết thúc khi hết thời gian 'for'"),
        P(@"Baseline: all (?<count>\S+) checks pass", "Đường cơ sở: cả {count} kiểm tra đều đạt"),
        P(@"Attack started \(T0\)", "Bắt đầu tấn công (T0)"),
        P(@"Impact observed: (?<check>.+) failed", "Phát hiện ảnh hưởng: kiểm tra {check} không đạt"),
        P(@"Finding: the attack had no observable impact", "Phát hiện: tấn công không gây ảnh hưởng quan sát được"),
        P(@"Restore started", "Bắt đầu khôi phục"),
        P(@"Restore steps finished", "Các bước khôi phục đã xong"),
        P(@"Recovered: every verify item passes", "Đã khôi phục: mọi mục xác minh đều đạt"),
        P(@"Verification failed", "Xác minh không đạt"),
        P(@"Recovery within target", "Khôi phục đạt mục tiêu"),
        P(@"Recovery MISSED its target", "Khôi phục KHÔNG ĐẠT mục tiêu"),
        P(@"Not started: nothing was attacked", "Chưa bắt đầu: hệ thống chưa bị tấn công"),
        P(@"Aborted by an internal error \((?<type>[^)]*)\): (?<error>.*)", "Hủy bỏ do lỗi nội bộ ({type}): {error}"),
        P(@"Aborted: (?<reason>.*)", "Hủy bỏ: {reason:reason}"),
        P(@"Drill finished: (?<outcome>\S+)", "Diễn tập kết thúc: {outcome:outcome}"),
        P(@"Skipped: (?<reason>.*)", "Bỏ qua: {reason:reason}"),

        // Manual steps (Manual/ManualStepRunner).
        P(@"Manual step simulated: (?<title>.+)", "Bước thủ công được mô phỏng: {title}"),
        P(@"Waiting for operator: (?<title>.+) — confirm with: (?<command>.+)", "Chờ người vận hành: {title} — xác nhận bằng lệnh: {command}"),
        P(@"Confirmed by (?<by>.+?): (?<title>.+)", "{by} đã xác nhận: {title}"),

        // Quiesce commands around the baseline snapshot (Engine/QuiesceWindow, Engine/UnfinishedQuiesce).
        P(@"Quiesce '(?<which>\w+)' FAILED \(exit (?<code>[^)]*)\) in (?<took>\S+)",
            "Lệnh tạm dừng ghi dữ liệu (quiesce '{which}') THẤT BẠI (mã thoát {code}) sau {took}"),
        P(@"Quiesce '(?<which>\w+)' (?<state>done|INTERRUPTED|TIMED OUT|COULD NOT RUN) in (?<took>\S+)",
            "Lệnh tạm dừng ghi dữ liệu (quiesce '{which}') {state:state} sau {took}"),
        P(@"Quiesce '(?<which>\w+)' not run by recovery: the container is gone",
            "Lệnh quiesce '{which}' không được chạy khi xử lý lần chạy bị gián đoạn: container không còn"),
        P(@"Quiesce '(?<which>\w+)' run by recovery: done", "Lệnh quiesce '{which}' đã được chạy khi xử lý lần chạy bị gián đoạn: xong"),
        P(@"Quiesce '(?<which>\w+)' run by recovery: FAILED \(exit (?<code>[^)]*)\)",
            "Lệnh quiesce '{which}' đã được chạy khi xử lý lần chạy bị gián đoạn: THẤT BẠI (mã thoát {code})"),
        P(@"Quiesce '(?<which>\w+)' run by recovery: did not complete; check the system, which may still be at rest",
            "Lệnh quiesce '{which}' chạy khi xử lý lần chạy bị gián đoạn nhưng không hoàn tất; hãy kiểm tra hệ thống, có thể vẫn đang ở trạng thái tạm dừng ghi"),

        // Data loss measured with canary markers (Canaries/CanaryDrill).
        P(@"Canary started: a marker every (?<interval>\S+) until the attack",
            "Bắt đầu ghi bản ghi đánh dấu (canary): mỗi {interval} một bản ghi, cho đến khi tấn công"),
        P(@"Backup (?<id>\S+) taken at (?<at>\S+), (?<before>\S+) before the attack \(backup_before\)",
            "Đã lập bản sao lưu {id} lúc {at}, {before} trước khi tấn công (backup_before)"),
        P(@"Latest agency backup (?<id>\S+) taken at (?<at>\S+): every canary marker comes after it",
            "Bản sao lưu gần nhất của cơ quan {id} lập lúc {at}: mọi bản ghi đánh dấu đều được ghi sau đó"),
        P(@"Canary stopped at T0: (?<written>\S+) markers written(?:, (?<failed>\S+) writes failed)?",
            "Dừng ghi bản ghi đánh dấu tại T0: đã ghi {written} bản ghi[, {failed} lần ghi thất bại]"),
        P(@"Data loss: (?<lost>\S+) of (?<written>\S+) canary records lost; loss window (?<window>\S+) s \(backup (?<id>\S+) to T0\) against rpo_target (?<rpo>\S+): (?<verdict>met|MISSED)",
            "Mất dữ liệu: mất {lost}/{written} bản ghi đánh dấu; khoảng mất dữ liệu {window} s (từ bản sao lưu {id} đến T0) so với rpo_target {rpo}: {verdict:rpo}"),
        P(@"Data loss: (?<lost>\S+) of (?<written>\S+) canary records lost; loss window (?<window>\S+) s \(backup (?<id>\S+) to T0\) \(no rpo_target declared\)",
            "Mất dữ liệu: mất {lost}/{written} bản ghi đánh dấu; khoảng mất dữ liệu {window} s (từ bản sao lưu {id} đến T0) (chưa khai báo rpo_target)"),
        P(@"(?<count>\S+) canary records drills wrote remain in the system", "{count} bản ghi đánh dấu do drills ghi vẫn còn trong hệ thống"),
        P(@"Data loss not measured: the system was not verified recovered", "Không đo mất dữ liệu: chưa xác minh được hệ thống đã khôi phục"),
        P(@"Data loss not measured: the drill restored its own baseline snapshot, not an agency backup",
            "Không đo mất dữ liệu: diễn tập khôi phục từ bản chụp đường cơ sở của chính nó, không phải từ bản sao lưu của cơ quan"),
        P(@"Data loss not measured: backup (?<id>\S+) was taken at (?<at>\S+), after the attack began",
            "Không đo mất dữ liệu: bản sao lưu {id} được lập lúc {at}, sau khi tấn công bắt đầu"),
        P(@"Data loss not measured: no restore-backup step restored a backup", "Không đo mất dữ liệu: không bước restore-backup nào khôi phục được bản sao lưu"),
        P(@"Data loss not measured: the scenario restores no agency backup", "Không đo mất dữ liệu: kịch bản không khôi phục từ bản sao lưu của cơ quan"),
        P(@"Data loss not measured: the system has no intact agency backup older than the attack",
            "Không đo mất dữ liệu: hệ thống không có bản sao lưu nguyên vẹn nào lập trước khi tấn công"),
        P(@"Data loss not measured: the canary read failed", "Không đo mất dữ liệu: không đọc lại được các bản ghi đánh dấu"),

        // Rollback (Engine/Rollback, Engine/DrillEngine, Engine/InterruptedRun).
        P(@"Rolling the target back to its baseline", "Đang khôi phục hệ thống đích về trạng thái ban đầu (đường cơ sở)"),
        P(@"Attack undone outside the data paths", "Đã hoàn tác thay đổi của cuộc tấn công ngoài các đường dẫn dữ liệu (cấu hình, mạng)"),
        P(@"Pressure released", "Đã giải phóng tải gây cạn kiệt tài nguyên"),
        P(@"Container was gone: redeployed from its declared image", "Container không còn: đã triển khai lại từ ảnh đã khai báo"),
        P(@"Container unpaused", "Container đã được cho chạy tiếp (unpause)"),
        P(@"Container started", "Container đã được khởi động"),
        P(@"Data restored from the baseline snapshot", "Dữ liệu đã được khôi phục từ bản chụp đường cơ sở"),
        P(@"Rollback complete: every check passes", "Đã khôi phục về trạng thái ban đầu: mọi kiểm tra đều đạt"),
        P(@"Rollback incomplete: every check passes, but part of the attack could not be undone \(see above\)",
            "Khôi phục về trạng thái ban đầu CHƯA trọn vẹn: mọi kiểm tra đều đạt, nhưng một phần thay đổi của cuộc tấn công không hoàn tác được (xem ở trên)"),
        P(@"Attack NOT fully undone outside the data paths: the target may need manual repair",
            "CHƯA hoàn tác hết thay đổi của cuộc tấn công ngoài các đường dẫn dữ liệu: hệ thống đích có thể cần sửa thủ công"),
        P(@"Pressure NOT released: its workers end by themselves when 'for' is over",
            "CHƯA giải phóng tải gây cạn kiệt tài nguyên: các tiến trình tải tự kết thúc khi hết thời gian 'for'"),
        P(@"Rollback did NOT complete: the target may need manual repair",
            "Khôi phục về trạng thái ban đầu KHÔNG hoàn tất: hệ thống đích có thể cần sửa thủ công"),
        P(@"Rollback did NOT complete", "Khôi phục về trạng thái ban đầu KHÔNG hoàn tất"),
        P(@"Rollback waits for an operator: (?<why>.+)", "Việc khôi phục về trạng thái ban đầu chờ người vận hành: {why:stale}"),
        P(@"Rollback NOT possible now: the catalogue the run was drilled with was not kept and no catalogue loads; fix the catalogue file, or repair (?<container>\S+) by hand",
            "Chưa thể khôi phục về trạng thái ban đầu: danh mục dùng khi diễn tập không được lưu và không nạp được danh mục nào; hãy sửa tệp danh mục, hoặc sửa {container} thủ công"),
        P(@"Rollback NOT possible: system (?<system>\S+) is no longer in the catalogue; repair (?<container>\S+) by hand",
            "Không thể khôi phục về trạng thái ban đầu: hệ thống {system} không còn trong danh mục; hãy sửa {container} thủ công"),
        P(@"Rollback NOT possible: system (?<system>\S+) is now declared as container (?<declared>\S+), not (?<container>\S+) which was drilled; repair (?<repair>\S+) by hand",
            "Không thể khôi phục về trạng thái ban đầu: hệ thống {system} nay được khai báo là container {declared}, không phải {container} đã được diễn tập; hãy sửa {repair} thủ công"),

        // Crash recovery of an interrupted run (Engine/InterruptedRun).
        P(@"Recovering an interrupted run: process (?<pid>\S+) on (?<host>.+) stopped mid-drill",
            "Đang xử lý lần chạy bị gián đoạn: tiến trình {pid} trên máy {host} đã dừng giữa chừng"),
        P(@"Recovering an interrupted run: its process stopped mid-drill", "Đang xử lý lần chạy bị gián đoạn: tiến trình chạy diễn tập đã dừng giữa chừng"),
        P(@"The attack had not started: nothing to roll back", "Chưa bắt đầu tấn công: không có gì cần khôi phục về trạng thái ban đầu"),
        P(@"No baseline snapshot is restored: the container is restarted and checked, its data is not restored",
            "Không khôi phục bản chụp đường cơ sở: container được khởi động lại và kiểm tra, dữ liệu được giữ nguyên"),
        P(@"The run stays open: the next drill of the system, drills serve or drills recover tries the rollback again",
            "Lần chạy vẫn để mở: lần diễn tập tiếp theo của hệ thống, drills serve hoặc drills recover sẽ thử khôi phục về trạng thái ban đầu lần nữa"),

        // The readiness gate before the attack and the cleanup scan after the run (Engine/ReadinessGate, Engine/CleanupAttestation).
        P(@"Readiness gate passed: image, checks, backup and disk", "Kiểm tra sẵn sàng đạt: ảnh container, các kiểm tra, bản sao lưu và dung lượng đĩa"),
        P(@"Readiness gate FAILED: (?<items>.+?); nothing was started or touched",
            "Kiểm tra sẵn sàng KHÔNG đạt: {items}; không có gì được khởi động hay bị tác động"),
        P(@"Readiness gate FAILED: (?<items>.+?); the container was started to be checked, nothing was attacked",
            "Kiểm tra sẵn sàng KHÔNG đạt: {items}; container đã được khởi động để kiểm tra, chưa có gì bị tấn công"),
        P(@"Cleanup (?<when>.+?): nothing left behind", "Dọn dẹp {when:cleanup}: không còn gì sót lại"),
        P(@"Cleanup (?<when>.+?): found (?<found>\S+) left behind, removed or repaired (?<removed>\S+)",
            "Dọn dẹp {when:cleanup}: tìm thấy {found} thứ còn sót lại, đã gỡ bỏ hoặc sửa {removed}"),

        // Steps (Engine/DrillPhases), last: their form is the loosest: "attack 1/2: kill (SIGKILL)" as it starts, "attack 1: kill done in 12ms" as it ends.
        P(@"(?<phase>\S+) (?<index>\S+)/(?<count>\S+): (?<step>.+)", "Bước {phase:phase} {index}/{count}: {step}"),
        P(@"(?<phase>\S+) (?<index>\S+): (?<kind>\S+) (?<state>done|FAILED|INTERRUPTED) in (?<took>\S+)",
            "Bước {phase:phase} {index}: {kind} {state:state} sau {took}"),
    ];

    /// <summary>Why a rollback waits for an operator (Engine/StaleBaseline, Engine/InterruptedRun).</summary>
    public static IReadOnlyList<JournalPhrase> StaleReasons { get; } =
    [
        P(@"its baseline was taken at (?<at>.+?) UTC, later than this machine's clock says it is now \((?<now>.+?) UTC\), so its age cannot be known; check the clock and the system",
            "đường cơ sở được lấy lúc {at} UTC, muộn hơn giờ hiện tại theo đồng hồ của máy này ({now} UTC), nên không biết nó đã cũ bao lâu; hãy kiểm tra đồng hồ và hệ thống"),
        P(@"its baseline was taken (?<age>\S+) ago \((?<at>.+?) UTC\), more than (?<bound>\S+), so the system may have been repaired and written new records since; restoring it would lose them",
            "đường cơ sở được lấy cách đây {age} ({at} UTC), quá {bound}, nên hệ thống có thể đã được sửa và ghi dữ liệu mới từ đó; khôi phục nó sẽ làm mất các dữ liệu này"),
        P(@"a later run of (?<system>\S+) \((?<run>\S+), (?<outcome>\S+)\) finished after it, so this baseline is out of date; restoring it would undo what happened since",
            "một lần chạy sau của {system} ({run}, {outcome:outcome}) đã kết thúc sau nó, nên đường cơ sở này đã cũ; khôi phục nó sẽ xoá bỏ những gì đã diễn ra từ đó"),
        P(@"its journal says it ended \('(?<end>.*)'\) but its outcome was never saved, so its system may already be restored and in use",
            "nhật ký cho biết lần chạy đã kết thúc ('{end:journal}') nhưng kết quả chưa từng được lưu, nên hệ thống có thể đã được khôi phục và đang được sử dụng"),
    ];

    /// <summary>Single words inside messages, by what they are (<c>{name:map}</c>); a value not listed stays as recorded.</summary>
    public static IReadOnlyDictionary<(string Map, string English), string> Words { get; } = new Dictionary<(string, string), string>
    {
        [("phase", "attack")] = "tấn công",
        [("phase", "restore")] = "khôi phục",
        [("state", "done")] = "xong",
        [("state", "FAILED")] = "THẤT BẠI",
        [("state", "INTERRUPTED")] = "BỊ GIÁN ĐOẠN",
        [("state", "TIMED OUT")] = "QUÁ THỜI GIAN",
        [("state", "COULD NOT RUN")] = "KHÔNG CHẠY ĐƯỢC",
        [("outcome", "Passed")] = "Đạt",
        [("outcome", "passed")] = "đạt",
        [("outcome", "Failed")] = "Không đạt",
        [("outcome", "failed")] = "không đạt",
        [("outcome", "Aborted")] = "Hủy bỏ",
        [("outcome", "aborted")] = "hủy bỏ",
        [("outcome", "Skipped")] = "Bỏ qua",
        [("outcome", "Running")] = "Chưa kết thúc",
        [("rpo", "met")] = "đạt",
        [("rpo", "MISSED")] = "KHÔNG ĐẠT",
        [("cleanup", "before the rollback")] = "trước khi khôi phục về trạng thái ban đầu",
        [("cleanup", "after the run")] = "sau lần chạy",
    };

    /// <summary>What a scheduled fire waited for before its turn (Service/DrillGate).</summary>
    public static IReadOnlyList<JournalPhrase> WaitReasons { get; } =
    [
        P(@"a free slot \(at most (?<limit>\S+) drill\(s\) at once\)", "một lượt trống (tối đa {limit} diễn tập cùng lúc)"),
        P(@"'(?<holder>.+)' on the same system \((?<system>\S+)\)", "'{holder}' trên cùng hệ thống ({system})"),
    ];

    private static JournalPhrase P(string english, string vietnamese) =>
        new(new Regex(@"\A(?:" + english + @")\z", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)), vietnamese);
}
