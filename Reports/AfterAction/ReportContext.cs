using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>What a report needs that the run record does not carry: who reads it, when, and from which build.</summary>
internal sealed record ReportContext(DateTimeOffset GeneratedAtUtc, string ToolVersion)
{
    public const string DefaultZoneId = "Asia/Ho_Chi_Minh";

    /// <summary>Zone the reader sees times in; defaults to Vietnam (UTC+07:00, no daylight saving).</summary>
    public TimeZoneInfo DisplayZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);

    /// <summary>
    /// The handling mark printed on every page. Defaults to internal circulation, the usual mark
    /// for non-secret agency documents; a state-secret grade is the agency's decision, not ours.
    /// </summary>
    public string Classification { get; init; } = "Lưu hành nội bộ / For internal use";

    /// <summary>Languages printed; both by default.</summary>
    public ReportLanguage Language { get; init; } = ReportLanguage.Both;

    /// <summary>The signed evidence this report belongs to; null while unsigned, and the report is a draft.</summary>
    public EvidenceFacts? Evidence { get; init; }

    /// <summary>The previous finished run of the same scenario, whose open corrective actions this run re-tests; null when none.</summary>
    public RunRecord? PreviousRun { get; init; }
}
