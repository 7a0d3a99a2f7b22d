using Drills.Reports.Rendering;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>The cleanup attestation; <see cref="Attested"/> is false for runs recorded before the cleanup scan existed.</summary>
internal sealed record CleanupView(bool Attested, bool NothingFound, bool Clean, IReadOnlyList<CleanupRow> Items);

/// <summary>One thing the scan found (or removed): <see cref="Removed"/> false means it was left behind.</summary>
internal sealed record CleanupRow(HtmlText Item, bool Removed, HtmlText Tick, BiText Status, HtmlText Tone);

/// <summary>What the cleanup scan after the run found left behind and what it removed or repaired.</summary>
internal static class CleanupSection
{
    public static CleanupView Build(RunRecord run)
    {
        if (run.Cleanup is not { } cleanup)
        {
            return new CleanupView(false, true, true, []);
        }

        var rows = cleanup.Found.Select(item => Row(item, cleanup.Removed.Contains(item)))
            .Concat(cleanup.Removed.Where(item => !cleanup.Found.Contains(item)).Select(item => Row(item, true)))
            .ToList();
        return new CleanupView(true, rows.Count == 0, cleanup.Clean, rows);
    }

    /// <summary>What the scan found and did not remove; empty when the run left nothing behind or was not scanned.</summary>
    public static IReadOnlyList<string> LeftBehind(RunRecord run) =>
        run.Cleanup is { } cleanup ? cleanup.Found.Where(item => !cleanup.Removed.Contains(item)).Distinct(StringComparer.Ordinal).ToList() : [];

    private static CleanupRow Row(string item, bool removed) => new(
        HtmlText.Encode(item),
        removed,
        HtmlText.Encode(Labels.Tick(removed)),
        BiText.Of(removed ? new("Đã dọn", "Removed") : new("Còn sót lại", "Left behind")),
        HtmlText.Encode(Labels.Tone(removed)));
}
