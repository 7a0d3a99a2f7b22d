namespace Drills.Bench.Output;

/// <summary>
/// A stated goal beside its figure. <see cref="Met"/> is printed, never asserted: a missed target is said
/// with by how much, and <see cref="Why"/> explains it.
/// </summary>
internal sealed record Target(string Goal, string Measured, bool? Met, string Why = "")
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "MISSED",
        null => "not measured",
    };
}
