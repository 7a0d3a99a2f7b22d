using System.Security.Cryptography;
using static System.FormattableString;

namespace Drills.Orchestrator.Drill;

/// <summary>
/// Run ids sort by start time and never collide: after the UTC second come 64 random bits, so two drills
/// started in the same second (on one machine or several sharing a store) get different ids.
/// </summary>
internal static class RunIds
{
    public static string New(DateTimeOffset startedAtUtc) =>
        Invariant($"{startedAtUtc.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
}
