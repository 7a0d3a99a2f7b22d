using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Engine;

/// <summary>One readiness item as the gate decided it, with what to do when it failed.</summary>
internal sealed record GateItem(ReadinessItem Item, string Fix = "")
{
    public static GateItem Pass(string name, string observation) => new(new ReadinessItem(name, true, observation));

    public static GateItem Fail(string name, string observation, string fix) => new(new ReadinessItem(name, false, observation), fix);

    /// <summary>Not checked because the gate already refused before it could look without touching the target.</summary>
    public static GateItem Unchecked(string name, string why) => new(new ReadinessItem(name, false, "not checked: " + why));
}
