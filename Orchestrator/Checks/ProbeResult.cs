namespace Drills.Orchestrator.Checks;

/// <summary>One evaluation of one check: passed or not, and the raw thing that was seen.</summary>
internal readonly record struct ProbeResult(bool Passed, string Observation)
{
    public static ProbeResult Pass(string observation) => new(true, observation);

    public static ProbeResult Fail(string observation) => new(false, observation);
}
