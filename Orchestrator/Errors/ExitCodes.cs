using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Errors;

/// <summary>The CLI's exit codes; scripts and schedulers branch on them.</summary>
internal static class ExitCodes
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Environment = 3;
    public const int Aborted = 4;

    /// <summary>The code a stored run stands for when only its outcome is known (drills runs): a skip ran nothing, so 0.</summary>
    public static int For(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Failed => Failed,
        RunOutcome.Aborted => Aborted,
        _ => Passed,
    };

    /// <summary>For several drills: the most serious code wins (environment, then aborted, then failed).</summary>
    public static int Worst(IEnumerable<int> codes)
    {
        var all = codes.ToList();
        int[] severity = [Environment, Aborted, BadInput, Failed];
        return severity.FirstOrDefault(all.Contains, Passed);
    }
}
