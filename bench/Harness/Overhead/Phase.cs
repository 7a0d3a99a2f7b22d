namespace Drills.Bench.Overhead;

/// <summary>
/// One stretch of a drills run: how long it lasted, how much of it drills spent waiting on Engine API calls, and the
/// CPU the drills process used in it.
/// </summary>
internal sealed record Phase(string Name, TimeSpan Wall, TimeSpan InEngineCalls, double CpuSeconds)
{
    public TimeSpan OutsideEngineCalls => Wall - InEngineCalls;
}
