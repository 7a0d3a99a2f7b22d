using Drills.Reports.Formatting;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.AfterAction;

/// <summary>
/// How the report speaks of manual steps. Measured and declared time are always named apart; where
/// they are added up, the sum says so ("đo được + khai báo / measured + declared").
/// </summary>
internal static class ManualTime
{
    /// <summary>The recovery time as a verdict quotes it: measured, plus declared manual time and their labelled sum when there is any.</summary>
    public static Bilingual Timing(RunRecord run, string measured)
    {
        if (run.DeclaredManualTime <= TimeSpan.Zero || run.RecoveryTime is not { } t)
        {
            return new(measured, measured);
        }

        var declared = HumanDuration.Format(run.DeclaredManualTime);
        var total = HumanDuration.Format(t + run.DeclaredManualTime);
        return new(
            $"{measured} đo được + {declared} khai báo cho bước thủ công mô phỏng (đo được + khai báo: {total})",
            $"{measured} measured + {declared} declared for simulated manual steps (measured + declared: {total})");
    }

    /// <summary>The time waited for operators: measured, because the clock kept running.</summary>
    public static TimeSpan Waited(RunRecord run) =>
        run.Steps.Where(s => s.Manual is { Simulated: false }).Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    public static bool AnyWaited(RunRecord run) => run.Steps.Any(s => s.Manual is { Simulated: false });

    /// <summary>What the steps table says under a manual step: simulated at its declared time, or who confirmed it and when.</summary>
    public static Bilingual StepNote(StepResult step, ZonedTime time) => step.Manual switch
    {
        null => Bilingual.Same(""),
        { Simulated: true } m => new(
            $"Mô phỏng: tính {HumanDuration.Format(m.Expected)} theo khai báo, không đo",
            $"Simulated: counted at the declared {HumanDuration.Format(m.Expected)}, not measured"),
        { ConfirmedAtUtc: { } at } m => new(
            $"Xác nhận bởi {m.ConfirmedBy} lúc {time.DateTime(at)} (UTC {ZonedTime.Utc(at)}) — đã chờ {HumanDuration.Format(step.Duration)}, tính vào thời gian đo" + Note(m),
            $"Confirmed by {m.ConfirmedBy} at {time.DateTime(at)} (UTC {ZonedTime.Utc(at)}) — waited {HumanDuration.Format(step.Duration)}, part of the measured time" + Note(m)),
        { } m => new(
            $"Chưa được xác nhận (dự kiến {HumanDuration.Format(m.Expected)})",
            $"Not confirmed (expected {HumanDuration.Format(m.Expected)})"),
    };

    private static string Note(ManualOutcome manual) => string.IsNullOrWhiteSpace(manual.Note) ? "" : $" — {manual.Note}";
}
