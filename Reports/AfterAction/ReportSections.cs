namespace Drills.Reports.AfterAction;

/// <summary>The report's sections in order, by their stable element ids (browser tests and links rely on them).</summary>
internal static class ReportSections
{
    public static IReadOnlyList<string> Ids { get; } =
        ["cover", "summary", "overview", "regulatory", "timeline", "metrics", "data-loss", "analysis", "improvement", "evidence"];

    public static Bilingual Title(string id) => id switch
    {
        "cover" => new("Trang bìa", "Cover"),
        "summary" => new("Tóm tắt", "Executive summary"),
        "overview" => new("Tổng quan diễn tập", "Drill overview"),
        "regulatory" => new("Căn cứ pháp lý", "Regulatory context"),
        "timeline" => new("Dòng thời gian", "Timeline"),
        "metrics" => new("Chỉ số khôi phục", "Recovery metrics"),
        "data-loss" => new("Mất dữ liệu", "Data loss"),
        "analysis" => new("Phân tích theo bước và kiểm tra", "Analysis by step and check"),
        "improvement" => new("Kế hoạch khắc phục", "Improvement plan"),
        "evidence" => new("Phụ lục bằng chứng", "Evidence annex"),
        _ => Bilingual.Same(id),
    };
}
