using Drills.Orchestrator.Backups;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

/// <summary>A manifest edited on disk cannot steer a restore: one that names a path outside its folder, or no real checksum, reads as no manifest.</summary>
public sealed class BackupManifestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-manifest-").FullName;

    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private BackupManifest? ReadWith(string file, string sha = Sha, string? dataPath = "/srv/www", string? share = null)
    {
        var json = $$"""
            { "id": "20261201-143000-a1b2c3d4", "systemId": "portal", "method": "files", "takenAtUtc": "2026-12-01T14:30:00Z",
              "payload": [{ "file": {{System.Text.Json.JsonSerializer.Serialize(file)}}, "dataPath": {{System.Text.Json.JsonSerializer.Serialize(dataPath)}}, "sha256": "{{sha}}", "bytes": 10 }],
              "share": {{System.Text.Json.JsonSerializer.Serialize(share)}} }
            """;
        File.WriteAllText(Path.Combine(_folder, BackupManifest.FileName), json);
        return BackupManifest.Read(_folder);
    }

    [Fact]
    public void A_well_formed_manifest_is_read()
    {
        Assert.Equal("00-srv_www.tar", ReadWith("00-srv_www.tar")!.Payload[0].File);
    }

    [Theory]
    [InlineData("../../etc/cron.d/x", Sha, "/srv/www", null)]
    [InlineData("/tmp/x", Sha, "/srv/www", null)]
    [InlineData("00-srv_www.tar", "abc", "/srv/www", null)]
    [InlineData("00-srv_www.tar", Sha, "srv/../../etc", null)]
    [InlineData("00-srv_www.tar", Sha, "/srv/www", "backups/../..")]
    public void A_manifest_pointing_outside_its_folder_or_without_a_checksum_reads_as_none(string file, string sha, string dataPath, string? share)
    {
        Assert.Null(ReadWith(file, sha, dataPath, share));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
