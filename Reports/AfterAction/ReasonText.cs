using System.Text.RegularExpressions;

namespace Drills.Reports.AfterAction;

/// <summary>
/// The Vietnamese of the abort and skip reasons the orchestrator writes in English. Known phrases are
/// translated; times, durations and ids inside them are kept as written, and an unknown reason stays English.
/// </summary>
internal static partial class ReasonText
{
    private static readonly (Regex English, string Vietnamese)[] Phrases =
    [
        (Phrase("orchestrator restarted"), "bộ điều phối đã khởi động lại giữa chừng"),
        (Phrase("cancelled by the operator"), "người vận hành đã hủy"),
        (Phrase("cancelled: the scheduler service was stopped"), "dịch vụ lập lịch đã bị dừng"),
        (Phrase(@"max_duration (\S+) exceeded before the system was verified"), "vượt quá max_duration $1 trước khi hệ thống được xác minh"),
        (Phrase("missed while the service was down"), "bị lỡ khi dịch vụ ngừng hoạt động"),
        (Phrase(@"not fired in time while the service ran \(it was overloaded or its clock jumped\)"), "không được kích hoạt kịp khi dịch vụ đang chạy (quá tải hoặc đồng hồ bị nhảy)"),
        (Phrase(@"(\S+) fires from (.+?) to (.+?)\)"), "$1 lần hẹn từ $2 đến $3)"),
        (Phrase(@"the latest is (\S+) old, beyond the (\S+) grace period, so it was not run late"), "lần gần nhất đã qua $1, vượt thời gian cho phép chạy bù $2 nên không chạy muộn"),
        (Phrase("covered by one catch-up run for the fire due"), "đã được bù bằng một lần chạy bù cho lần hẹn"),
        (Phrase(@"the previous run of (\S+) \((\S+)\) was still running"), "lần chạy trước của $1 ($2) vẫn đang chạy"),
        (Phrase(@"the previous fire of (\S+) was still waiting for its turn"), "lần hẹn trước của $1 vẫn đang chờ đến lượt"),
        (Phrase("the service stopped before the drill's turn came"), "dịch vụ đã dừng trước khi đến lượt diễn tập"),
    ];

    public static string Vietnamese(string english)
    {
        var text = english;
        foreach (var (pattern, vietnamese) in Phrases)
        {
            text = pattern.Replace(text, vietnamese);
        }

        return text;
    }

    private static Regex Phrase(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
