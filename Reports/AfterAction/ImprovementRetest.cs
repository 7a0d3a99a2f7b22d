using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// Whether a run exercised what an earlier action is about. A finding that recurs is still open however far the
/// run got; a finding that did not recur is fixed only when the run reached the point where it would have shown.
/// </summary>
internal static class ImprovementRetest
{
    /// <summary>Why <paramref name="run"/> could not re-test the action keyed <paramref name="key"/>, or null when it did.</summary>
    public static Bilingual? WhyNot(string key, RunRecord run, bool recurred)
    {
        if (recurred)
        {
            return null;
        }

        switch (run.Outcome)
        {
            case RunOutcome.Skipped:
                return new("lần hẹn này đã bị bỏ qua, không có gì được chạy", "this fire was skipped: nothing ran");
            case RunOutcome.Running:
                return new("lần diễn tập này chưa kết thúc", "this drill has not ended");
        }

        var completed = run.Outcome is RunOutcome.Passed or RunOutcome.Failed;
        var (group, rest) = Split(key);
        return group switch
        {
            "skipped" or "not-finished" or "stale-baseline" or "container-drift" => null,
            "aborted" when rest is "before-attack" or "cancelled" or "restarted" => null,
            "rollback-failed" => run.Journal.Any(e => e.Mark == JournalMark.Rollback)
                ? null
                : new("lần diễn tập này không cần khôi phục về trạng thái ban đầu", "this drill needed no rollback"),
            "quiesce" => run.Journal.Any(e => e.Mark == JournalMark.Quiesce && e.Message.StartsWith($"Quiesce '{rest}'", StringComparison.Ordinal))
                ? null
                : new($"lần diễn tập này không chạy lệnh quiesce '{rest}'", $"this drill did not run the quiesce '{rest}' command"),
            "step" => StepRan(run, rest)
                ? null
                : new($"lần diễn tập này không chạy hết bước {rest}", $"this drill did not run the {rest} step to its end"),
            "no-impact" => completed || run.ImpactObserved ? null : Short(run),
            _ when RecoveryFindings.Raises(group) => RecoveryFindings.WhyNotRetested(group, run),
            _ => completed ? null : Short(run),
        };
    }

    private static Bilingual Short(RunRecord run) => AttackFacts.Began(run)
        ? new("lần diễn tập này bị hủy trước khi khôi phục được xác minh", "this drill was aborted before recovery was verified")
        : new("lần diễn tập này bị hủy trước khi tấn công", "this drill was aborted before the attack");

    /// <summary>A step of that phase and kind ran to its end (succeeded or failed, not interrupted).</summary>
    private static bool StepRan(RunRecord run, string phaseAndKind) =>
        run.Steps.Any(s => !s.WasInterrupted && StepFindings.StepKey(s.Phase, s.Kind) == "step:" + phaseAndKind);

    private static (string Group, string Tail) Split(string key)
    {
        if (key.StartsWith(StepFindings.IntegrityKey, StringComparison.Ordinal))
        {
            return ("check", key);
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (key, "") : (key[..colon], key[(colon + 1)..]);
    }
}
