using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// A backup's <c>manifest.json</c>, kept beside every copy of it: what was taken, when, from which image, by which
/// run, and the SHA-256 of every payload file. It is written last, so a folder without one was never finished.
/// </summary>
/// <param name="RunId">The drill that asked for it; null on demand or on schedule.</param>
/// <param name="Share">Where the online copy's payload lives inside the container (<c>&lt;share&gt;/&lt;id&gt;/</c>); null: beside this manifest.</param>
/// <param name="ContainerName">The container whose share holds the online payload; null without a share.</param>
internal sealed record BackupManifest(
    string Id,
    string SystemId,
    BackupMethod Method,
    DateTimeOffset TakenAtUtc,
    string? RunId,
    string? ImageDigest,
    IReadOnlyList<BackupPayload> Payload,
    string? Share,
    string? ContainerName)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public long Bytes => Payload.Sum(p => p.Bytes);

    /// <summary>One checksum for the whole backup: the SHA-256 of its <c>sha256sum</c>-style list of payload files.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Concat(Payload.Select(p => $"{p.Sha256}  {p.File}\n")))));

    /// <summary>Where the online payload is, in words: the share inside the container, or the data directory.</summary>
    public string OnlinePlace => Share is null ? "data directory" : $"{Share}/{Id} in {ContainerName}";

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The manifest in a backup folder, or null when there is none or it cannot be read (a copy cut short or damaged).</summary>
    public static BackupManifest? Read(string folder)
    {
        try
        {
            var file = Path.Combine(folder, FileName);
            var manifest = File.Exists(file) ? JsonSerializer.Deserialize<BackupManifest>(File.ReadAllBytes(file), Json) : null;
            return manifest is not null && IsWellFormed(manifest) ? manifest : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A manifest edited by hand (or by an intruder) must not steer a restore: every payload file is a plain name in its
    /// folder, every checksum a SHA-256, every path absolute. One that is not is treated as no manifest: the copy is not intact.
    /// </summary>
    private static bool IsWellFormed(BackupManifest manifest) =>
        Scenarios.Backups.BackupIds.IsValid(manifest.Id ?? "")
        && manifest.Payload is { Count: > 0 }
        && manifest.Payload.All(p => p is not null
            && !string.IsNullOrEmpty(p.File) && p.File == Path.GetFileName(p.File) && p.File is not ("." or "..") && !p.File.Contains('\\', StringComparison.Ordinal)
            && p.Sha256 is { Length: 64 } && p.Sha256.All(char.IsAsciiHexDigitLower)
            && p.Bytes >= 0
            && (p.DataPath is null || IsAbsolute(p.DataPath)))
        && (manifest.Share is null || IsAbsolute(manifest.Share));

    private static bool IsAbsolute(string path) =>
        path.Length > 1 && path[0] == '/' && !path.Split('/').Any(segment => segment is "." or "..");

    public AgencyBackup ToBackup(IReadOnlyList<string> copies) =>
        new(Id, SystemId, Method, TakenAtUtc, Bytes, Sha256, ImageDigest, copies);
}
