using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Backups;

/// <summary>One agency backup of a system as the backup store lists it.</summary>
/// <param name="Id">Sorts by <see cref="TakenAtUtc"/>; see <c>Scenarios.Backups.BackupIds</c>.</param>
/// <param name="Sha256">Of the backup's payload as taken: every later use verifies it first.</param>
/// <param name="Copies">Where whole copies are kept: <c>online</c> (under the data directory, or the system's share) and <c>offline</c>.</param>
internal sealed record AgencyBackup(
    string Id,
    string SystemId,
    BackupMethod Method,
    DateTimeOffset TakenAtUtc,
    long Bytes,
    string Sha256,
    string? ImageDigest,
    IReadOnlyList<string> Copies);
