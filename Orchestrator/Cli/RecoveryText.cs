using System.Globalization;
using Drills.Scenarios.Durations;

namespace Drills.Orchestrator.Cli;

/// <summary>Recovery time as tables print it: the measured time, with declared manual time beside it, never summed silently.</summary>
internal static class RecoveryText
{
    public static string Of(RunSummary run)
    {
        var measured = run.RecoverySeconds is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m:0.000} s") : "—";
        return run.DeclaredManualSeconds is { } d ? $"{measured} + {DurationText.Format(TimeSpan.FromSeconds(d))} declared" : measured;
    }
}
