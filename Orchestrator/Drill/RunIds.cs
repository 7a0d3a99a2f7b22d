using System.Security.Cryptography;

namespace Drills.Orchestrator.Drill;

/// <summary>Run ids sort by start time and stay unique when two drills start in the same second.</summary>
internal static class RunIds
{
    public static string New(DateTimeOffset startedAtUtc) =>
        $"{startedAtUtc.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
