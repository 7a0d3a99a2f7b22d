using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record OverviewView(
    HtmlText ScenarioId,
    HtmlText ScenarioTitle,
    IReadOnlyList<TechniqueRow> Techniques,
    bool TechniquesInferred,
    BiText Scope,
    IReadOnlyList<BiText> Objectives,
    IReadOnlyList<BiText> Participants,
    HtmlText SystemId,
    HtmlText SystemTitle,
    HtmlText ContainerName,
    BiText ImageDigest,
    HtmlText CatalogueSha256,
    HtmlText StartedLocal,
    HtmlText StartedUtc,
    BiText EndedLocal,
    HtmlText EndedUtc,
    bool HasEnded,
    HtmlText DisplayZone)
{
    public bool HasTechniques => Techniques.Count > 0;

    public bool HasParticipants => Participants.Count > 0;
}

/// <summary>An ATT&amp;CK technique with its name; <see cref="Known"/> is false when the table does not hold it.</summary>
internal sealed record TechniqueRow(HtmlText Id, BiText Name, bool Known);

/// <summary>The drill overview: scenario, ATT&amp;CK technique, scope, objectives and participants.</summary>
internal static class OverviewSection
{
    public static OverviewView Build(RunRecord run, ZonedTime time)
    {
        var (techniques, inferred) = Techniques(run);
        return new OverviewView(
            HtmlText.Encode(run.ScenarioId),
            HtmlText.Encode(run.ScenarioTitle),
            techniques,
            inferred,
            BiText.Of(new(
                $"Diễn tập chỉ giới hạn trong container {run.ContainerName} của hệ thống {run.SystemId}; không hệ thống, container hay dữ liệu nào khác bị tác động.",
                $"Play is limited to container {run.ContainerName} of system {run.SystemId}; no other system, container or data is touched.")),
            Objectives(run),
            run.Participants.Select(BiText.Same).ToList(),
            HtmlText.Encode(run.SystemId),
            HtmlText.Encode(run.SystemTitle),
            HtmlText.Encode(run.ContainerName),
            string.IsNullOrWhiteSpace(run.ImageDigest) ? BiText.Of(Labels.NotRecorded) : BiText.Same(run.ImageDigest),
            HtmlText.Encode(run.CatalogueSha256),
            HtmlText.Encode(time.DateTime(run.StartedAtUtc)),
            HtmlText.Encode(ZonedTime.Utc(run.StartedAtUtc)),
            run.EndedAtUtc is { } end ? BiText.Same(time.DateTime(end)) : BiText.Of(new("Chưa kết thúc", "Not finished")),
            HtmlText.Encode(run.EndedAtUtc is { } endUtc ? ZonedTime.Utc(endUtc) : ""),
            run.EndedAtUtc is not null,
            HtmlText.Encode(time.ZoneLabel));
    }

    /// <summary>The scenario's stated technique; without one, those its attack steps play (marked as inferred).</summary>
    private static (IReadOnlyList<TechniqueRow> Rows, bool Inferred) Techniques(RunRecord run)
    {
        var table = AttackTechniques.Table;
        if (!string.IsNullOrWhiteSpace(run.Technique))
        {
            var name = table.NameOf(run.Technique);
            return ([new TechniqueRow(HtmlText.Encode(run.Technique), BiText.Of(name ?? new("Tên chưa có trong bảng kỹ thuật", "Name not in the technique table")), name is not null)], false);
        }

        var kinds = run.Steps.Where(s => s.Phase == "attack").Select(s => s.Kind).ToList();
        var rows = table.PlayedBy(kinds)
            .Select(id => new TechniqueRow(HtmlText.Encode(id), BiText.Of(table.NameOf(id) ?? Labels.NotRecorded), true))
            .ToList();
        if (table.CutsNetwork(kinds))
        {
            rows.Add(new TechniqueRow(HtmlText.Encode("—"), BiText.Of(table.None), true));
        }

        return (rows, true);
    }

    /// <summary>The scenario's own objectives, then the two every drill implies.</summary>
    private static List<BiText> Objectives(RunRecord run)
    {
        var target = HumanDuration.Format(run.RtoTarget);
        var objectives = run.Objectives.Select(BiText.Same).ToList();
        objectives.Add(BiText.Of(new($"Khôi phục hệ thống trong mục tiêu {target} (đo bằng máy, từ T0 đến T1).",
            $"Recover the system within its {target} target (measured by machine, from T0 to T1).")));
        objectives.Add(BiText.Of(new("Xác minh hệ thống sau khôi phục: mọi kiểm tra đạt và dữ liệu khớp với đường cơ sở.",
            "Verify the system after recovery: every check passes and the data matches the baseline.")));
        return objectives;
    }
}
