namespace Drills.Orchestrator.Safety;

/// <summary>The labels that mark a container as fair game for drills.</summary>
internal static class TargetLabels
{
    /// <summary>The system id a container stands for; without it drills refuses to touch the container.</summary>
    public const string Target = "drills.target";

    /// <summary>Set on containers and volumes drills created itself: only such a container may be removed or redeployed.</summary>
    public const string Managed = "drills.managed";

    /// <summary>True when drills created the container (or volume) with these labels itself.</summary>
    public static bool IsManaged(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Managed, out var managed) && managed == "true";

    public static IReadOnlyDictionary<string, string> For(string systemId) => new Dictionary<string, string>
    {
        [Target] = systemId,
        [Managed] = "true",
    };
}
