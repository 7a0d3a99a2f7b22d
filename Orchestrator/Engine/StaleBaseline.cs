using Drills.Orchestrator.Runs;
using Drills.Scenarios.Durations;
using Drills.Scenarios.RunRecords;
using static System.FormattableString;

namespace Drills.Orchestrator.Engine;

/// <summary>
/// Whether an interrupted run's baseline may be restored without asking: only while it is recent and no
/// later run of the system has finished. Otherwise people may have repaired the system and written new
/// records since, and restoring the old files would silently throw those records away.
/// </summary>
internal static class StaleBaseline
{
    /// <summary>The first words of the journal note that says the run waits for an operator.</summary>
    public const string NotePrefix = "Rollback waits for an operator: ";

    /// <summary>Why the baseline must not be restored without an operator, or null when it may.</summary>
    public static string? Reason(RunRecord run, IRunStore store, DateTimeOffset nowUtc, TimeSpan bound)
    {
        var takenAt = run.Journal.FirstOrDefault(e => e.Mark == JournalMark.Baseline)?.TimestampUtc ?? run.StartedAtUtc;
        var age = nowUtc - takenAt;
        if (age < TimeSpan.Zero)
        {
            return Invariant($"its baseline was taken at {takenAt:yyyy-MM-dd HH:mm} UTC, later than this machine's clock says it is now ({nowUtc:yyyy-MM-dd HH:mm} UTC), ") +
                   "so its age cannot be known; check the clock and the system";
        }

        if (age > bound)
        {
            return Invariant($"its baseline was taken {DurationText.Format(Whole(age))} ago ({takenAt:yyyy-MM-dd HH:mm} UTC), more than {DurationText.Format(bound)}, ") +
                   "so the system may have been repaired and written new records since; restoring it would lose them";
        }

        var newer = store.FinishedAfter(run.SystemId, run.StartedAtUtc);
        return newer is null
            ? null
            : $"a later run of {run.SystemId} ({newer.RunId}, {newer.Outcome.ToString().ToLowerInvariant()}) finished after it, so this baseline is out of date; restoring it would undo what happened since";
    }

    /// <summary>Why the run waits, when an earlier pass already said so in its journal.</summary>
    public static string? Noted(RunRecord run) =>
        run.Journal.LastOrDefault(e => e.Message.StartsWith(NotePrefix, StringComparison.Ordinal))?.Message[NotePrefix.Length..];

    /// <summary>What the operator can do, for journals, logs and errors.</summary>
    public static string Fix(string runId) =>
        $"check the system; then restore the baseline with 'drills recover {runId} --confirm', or, if it was repaired since, close the run without restoring data with 'drills recover {runId} --confirm --keep-data'";

    private static TimeSpan Whole(TimeSpan age) => TimeSpan.FromMinutes(Math.Max(1, Math.Floor(age.TotalMinutes)));
}
