using System.Globalization;
using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

internal sealed record ImprovementView(
    IReadOnlyList<ActionRow> Actions,
    IReadOnlyList<RetestRow> Retested,
    bool HasPrevious,
    HtmlText PreviousRunId)
{
    public bool HasActions => Actions.Count > 0;

    public bool HasRetested => Retested.Count > 0;
}

internal sealed record ActionRow(HtmlText Number, BiText Finding, BiText Action, BiText Owner, BiText Observation, bool HasObservation);

internal sealed record RetestRow(BiText Finding, BiText Action, HtmlText FromRunId, BiText Status, HtmlText Tone);

/// <summary>The improvement plan (kế hoạch khắc phục) as <see cref="ImprovementPlan"/> builds it: this run's actions and the previous run's re-tested.</summary>
internal static class ImprovementSection
{
    public static ImprovementView Build(RunRecord run, RunRecord? previous)
    {
        var plan = ImprovementPlan.Build(run, previous);
        return new ImprovementView(
            plan.Actions.Select((a, i) => new ActionRow(
                    HtmlText.Encode((i + 1).ToString(CultureInfo.InvariantCulture)),
                    BiText.Of(a.Finding),
                    BiText.Of(a.Action),
                    Owner(a.Owner),
                    BiText.Same(a.Observation),
                    !string.IsNullOrEmpty(a.Observation)))
                .ToList(),
            plan.Retested.Select(r => new RetestRow(
                    BiText.Of(r.Action.Finding),
                    BiText.Of(r.Action.Action),
                    HtmlText.Encode(r.FromRunId),
                    BiText.Of(StatusOf(r)),
                    HtmlText.Encode(r.NotRetested is null ? Labels.Tone(r.Fixed) : "warn")))
                .ToList(),
            previous is not null,
            HtmlText.Encode(previous?.RunId));
    }

    /// <summary>Fixed, still open, or not re-tested with the reason this run could not re-test it.</summary>
    private static Bilingual StatusOf(RetestedAction retested) => retested.NotRetested is { } why
        ? new($"{retested.Status.Vi}: {why.Vi}", $"{retested.Status.En}: {why.En}")
        : retested.Status;

    private static BiText Owner(string owner) => string.IsNullOrWhiteSpace(owner) || owner == ImprovementPlan.Unassigned
        ? BiText.Of(new("Chưa phân công", "To be assigned"))
        : BiText.Same(owner);
}
