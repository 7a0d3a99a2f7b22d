using System.Security.Cryptography;
using static System.FormattableString;

namespace Drills.Orchestrator.Drill;

/// <summary>Run ids sort by start time and stay unique when two drills start in the same second.</summary>
internal static class RunIds
{
    public static string New(DateTimeOffset startedAtUtc) =>
        Invariant($"{startedAtUtc.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}");
}
