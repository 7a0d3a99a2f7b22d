namespace Drills.Bench.Overhead;

/// <summary>One stretch of a drills run: how long it lasted and how much of it drills spent waiting on Engine API calls.</summary>
internal sealed record Phase(string Name, TimeSpan Wall, TimeSpan InEngineCalls)
{
    public TimeSpan OutsideEngineCalls => Wall - InEngineCalls;
}
