namespace Drills.Orchestrator.Evidence;

/// <summary>
/// What an offline check of a detached signature found: valid or the first problem, who signed, and when a
/// time-stamp authority saw the signature (null without a timestamp token).
/// </summary>
internal sealed record SignatureCheck(bool Valid, string? Problem, string? SignerSubject,
    string? SignerFingerprintSha256, DateTimeOffset? TimestampUtc);
