using System.Globalization;
using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Regulation;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record RegulatoryView(
    BiText Level,
    HtmlText LevelTarget,
    HtmlText RunTarget,
    bool RunTargetDiffers,
    BiText DrillCadence,
    BiText RestoreTestCadence,
    BiText PolicySource,
    bool HasPolicy,
    HtmlText Ceiling,
    BiText CeilingSource,
    IReadOnlyList<RegimeRow> Regimes,
    bool HasApproval,
    HtmlText ApprovalDecision,
    HtmlText ApprovalDate,
    bool HasApprovalDate,
    HtmlText SystemOwner,
    bool HasSystemOwner);

internal sealed record RegimeRow(BiText Name, BiText Status, HtmlText StatusTone, HtmlText Effective, bool NotYetInForce, IReadOnlyList<ObligationRow> Obligations);

internal sealed record ObligationRow(BiText Article, bool HasArticle, BiText Text, IReadOnlyList<SectionLink> Sections)
{
    public bool HasSections => Sections.Count > 0;
}

/// <summary>A link to the report section that holds what an obligation asks for.</summary>
internal sealed record SectionLink(HtmlText Id, BiText Title);

/// <summary>The regulatory context: the level and what it asks, the 24-hour ceiling and its source, the regimes the drill serves, the approval.</summary>
internal static class RegulatorySection
{
    public static RegulatoryView Build(RunRecord run)
    {
        var regulation = RegulationData.Current;
        // Older runs did not keep what their level asked: the product defaults stand in, and the report says so.
        var policy = run.Level ?? (run.SecurityLevel is >= LevelTargets.MinLevel and <= LevelTargets.MaxLevel
            ? LevelTargets.Product.PolicyFor(run.SecurityLevel)
            : null);
        var drillDate = DateOnly.FromDateTime(run.StartedAtUtc.UtcDateTime);
        return new RegulatoryView(
            BiText.Of(Labels.SecurityLevel(run.SecurityLevel)),
            HtmlText.Encode(policy is null ? "—" : HumanDuration.Format(policy.RtoTarget)),
            HtmlText.Encode(HumanDuration.Format(run.RtoTarget)),
            policy is not null && policy.RtoTarget != run.RtoTarget,
            policy is null ? BiText.Of(Labels.NotRecorded) : BiText.Of(Labels.Cadence(policy.DrillCadence.Months)),
            policy is null ? BiText.Of(Labels.NotRecorded) : BiText.Of(Labels.Cadence(policy.RestoreTestCadence.Months)),
            BiText.Of(PolicySource(run.Level, policy)),
            policy is not null,
            HtmlText.Encode(HumanDuration.Format(regulation.Ceiling)),
            BiText.Of(regulation.CeilingSource),
            regulation.Regimes.Select(r => Regime(r, drillDate)).ToList(),
            run.Approval is not null,
            HtmlText.Encode(run.Approval?.Decision),
            HtmlText.Encode(run.Approval?.Date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            run.Approval?.Date is not null,
            HtmlText.Encode(run.SystemOwner),
            !string.IsNullOrWhiteSpace(run.SystemOwner));
    }

    private static Bilingual PolicySource(LevelPolicy? recorded, LevelPolicy? shown) => (recorded, shown) switch
    {
        ({ }, _) => new("Theo cấu hình của cấp độ khi diễn tập (mặc định của sản phẩm hoặc mục levels: của danh mục)",
            "As configured for the level when drilled (product default or the catalogue's levels: section)"),
        (null, { }) => new("Mặc định hiện tại của sản phẩm: lần chạy này được ghi trước khi cấu hình cấp độ được lưu cùng lần chạy",
            "The product's current default: this run was recorded before runs kept their level's configuration"),
        _ => new("Cấp độ ngoài khoảng 1–5: không có mặc định", "Level outside 1–5: no default"),
    };

    private static RegimeRow Regime(Regime regime, DateOnly drillDate) => new(
        BiText.Of(regime.Name),
        BiText.Of(regime.Status == RegimeStatus.InForce ? new("Đang có hiệu lực", "In force") : new("Đang chuyển tiếp", "In transition")),
        HtmlText.Encode(regime.Status == RegimeStatus.InForce ? "good" : "warn"),
        HtmlText.Encode(regime.Effective.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        regime.Effective > drillDate,
        regime.Obligations.Select(o => new ObligationRow(
                BiText.Of(new($"Điều {o.Article}", $"Art. {o.Article}")),
                o.Article.Length > 0,
                BiText.Of(o.Text),
                o.Sections.Select(s => new SectionLink(HtmlText.Encode(s), BiText.Of(ReportSections.Title(s)))).ToList()))
            .ToList());
}
