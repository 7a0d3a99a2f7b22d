using Drills.Reports.Formatting;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record CoverView(
    HtmlText SystemTitle,
    HtmlText SystemId,
    HtmlText Agency,
    BiText SecurityLevel,
    HtmlText RunId,
    HtmlText ScenarioTitle,
    HtmlText DrillDate,
    HtmlText StartedUtc,
    BiText Classification,
    BiText Status,
    bool IsFinal,
    BiText Outcome,
    HtmlText OutcomeTone,
    HtmlText RunningMark);

/// <summary>The cover: what was drilled, when, under which handling mark, and whether the record is signed (final) or a draft.</summary>
internal static class CoverSection
{
    public static CoverView Build(RunRecord run, ReportContext context, ZonedTime time)
    {
        var final = context.Evidence is not null;
        return new CoverView(
            HtmlText.Encode(run.SystemTitle),
            HtmlText.Encode(run.SystemId),
            HtmlText.Encode(run.Agency),
            BiText.Of(Labels.SecurityLevel(run.SecurityLevel)),
            HtmlText.Encode(run.RunId),
            HtmlText.Encode(run.ScenarioTitle),
            HtmlText.Encode(time.Date(run.StartedAtUtc)),
            HtmlText.Encode(ZonedTime.Utc(run.StartedAtUtc)),
            BiText.Of(Classification(context.Classification)),
            BiText.Of(Status(final)),
            final,
            BiText.Of(Labels.Outcome(run.Outcome)),
            HtmlText.Encode(Labels.OutcomeTone(run.Outcome)),
            RunningMark(run, context));
    }

    /// <summary>What every printed page carries in its margin: the handling mark, draft or final, and the run id (CSS-escaped).</summary>
    private static Bilingual Status(bool final) => final ? new("BẢN CHÍNH THỨC", "FINAL") : new("BẢN NHÁP", "DRAFT");

    private static HtmlText RunningMark(RunRecord run, ReportContext context)
    {
        var mark = Classification(context.Classification);
        var status = Status(context.Evidence is not null);
        var text = context.Language switch
        {
            ReportLanguage.Vi => $"{mark.Vi} · {status.Vi}",
            ReportLanguage.En => $"{mark.En} · {status.En}",
            _ => $"{mark} · {status}",
        };
        return CssString.Escape($"{text} · {run.RunId}");
    }

    /// <summary>A mark written "Vietnamese / English" prints one side per language; any other is printed as written.</summary>
    public static Bilingual Classification(string mark)
    {
        var at = mark.IndexOf(" / ", StringComparison.Ordinal);
        return at > 0 ? new(mark[..at].Trim(), mark[(at + 3)..].Trim()) : Bilingual.Same(mark);
    }
}
