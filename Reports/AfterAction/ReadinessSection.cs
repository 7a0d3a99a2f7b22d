using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The readiness gate checked before the clock started; <see cref="Checked"/> is false for runs recorded before the gate existed.</summary>
internal sealed record ReadinessView(bool Checked, bool Passed, IReadOnlyList<ReadinessRow> Items);

internal sealed record ReadinessRow(HtmlText Name, BiText Label, HtmlText Tick, BiText Result, HtmlText Tone, HtmlText Observation);

internal static class ReadinessSection
{
    public static ReadinessView Build(RunRecord run) => run.Readiness is not { } gate
        ? new ReadinessView(false, true, [])
        : new ReadinessView(true, gate.Passed, gate.Items.Select(item => new ReadinessRow(
                HtmlText.Encode(item.Name),
                BiText.Of(Label(item.Name)),
                HtmlText.Encode(Labels.Tick(item.Passed)),
                BiText.Of(Labels.PassFail(item.Passed)),
                HtmlText.Encode(Labels.Tone(item.Passed)),
                HtmlText.Encode(item.Observation)))
            .ToList());

    /// <summary>What a gate item checks, by its stable key; an unknown key is shown as recorded.</summary>
    public static Bilingual Label(string name) => name switch
    {
        "image" => new("Ảnh container có sẵn trên máy", "The container image is present"),
        "checks" => new("Mọi kiểm tra đều đạt", "Every check passes"),
        "backup" => new("Bản sao lưu mới nhất nguyên vẹn và mới hơn rpo_target", "The newest backup is intact and younger than rpo_target"),
        "disk" => new("Thư mục dữ liệu đủ chỗ cho bản chụp", "The data directory has room for a snapshot"),
        _ => Bilingual.Same(name),
    };

    /// <summary>A gate item as a sentence names it ("the backup"); an unknown key is shown as recorded.</summary>
    public static Bilingual ShortName(string name) => name switch
    {
        "image" => new("ảnh container", "the container image"),
        "checks" => new("các kiểm tra", "the checks"),
        "backup" => new("bản sao lưu", "the backup"),
        "disk" => new("dung lượng đĩa", "disk space"),
        _ => Bilingual.Same(name),
    };

    /// <summary>A run the gate refused: it started nothing and touched nothing.</summary>
    public static bool Refused(RunRecord run) => run.Readiness is { Passed: false } && !AttackFacts.Began(run);

    /// <summary>The failed items as one reason: "image: drills/portal:1 not found; backup: newest is 3 h old".</summary>
    public static string Reasons(RunRecord run) =>
        string.Join("; ", run.Readiness?.Items.Where(i => !i.Passed).Select(i => $"{i.Name}: {i.Observation}") ?? []);
}
