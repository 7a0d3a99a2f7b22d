namespace Drills.Orchestrator.Safety;

/// <summary>The labels that mark a container as fair game for drills.</summary>
internal static class TargetLabels
{
    /// <summary>The system id a container stands for; without it drills refuses to touch the container.</summary>
    public const string Target = "drills.target";

    /// <summary>Set on containers the orchestrator created itself.</summary>
    public const string Managed = "drills.managed";

    public static IReadOnlyDictionary<string, string> For(string systemId) => new Dictionary<string, string>
    {
        [Target] = systemId,
        [Managed] = "true",
    };
}
