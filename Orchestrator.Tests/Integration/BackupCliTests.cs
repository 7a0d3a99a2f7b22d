using System.Text.Json;
using Drills.Orchestrator.Errors;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary><c>drills backup</c> and <c>drills backups</c> as their own processes, against a real portal with a backup share.</summary>
[Collection(DockerCollection.Name)]
public sealed class BackupCliTests : IAsyncLifetime
{
    private const string Name = "drills-test-bk-cli-portal";
    private const string Share = "drills-test-bk-cli-backups";
    private readonly RealDrillHarness _h = new();

    private async Task<string> CatalogueAsync(string backup = "backup: { method: files, share: /backups, keep: 10 }")
    {
        var yaml = Portal(Name, 19102, Scenario("ransom", "encrypt-files: { paths: [/srv/www] }",
                RestoreSteps("restore-backup: { from: latest, fallback: next-intact }", "restart: {}")),
            extraContainer: $"volumes: [\"{Share}:/backups\"]", extraSystem: backup, maxDuration: "5m");
        _h.Load(yaml);
        var file = Path.Combine(_h.Folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return file;
    }

    [Fact]
    public async Task Backup_prints_its_copies_and_backups_lists_it_with_each_copy_verified_now()
    {
        var file = await CatalogueAsync();
        var offline = Path.Combine(_h.Folder, "elsewhere");

        var taken = await CliProcess.RunAsync("backup", "portal", "--json", "--file", file, "--data-dir", _h.Folder, "--offline-dir", offline);
        Assert.True(taken.ExitCode == 0, taken.Stderr);
        using var backup = JsonDocument.Parse(taken.Stdout);
        var id = backup.RootElement.GetProperty("id").GetString()!;
        Assert.Equal(64, backup.RootElement.GetProperty("sha256").GetString()!.Length);
        Assert.True(File.Exists(Path.Combine(offline, "portal", id, "manifest.json")));

        var flip = await _h.ExecAsync(Name, "sh", "-c", $"printf X | dd of=/backups/{id}/00-srv_www.tar bs=1 seek=700 conv=notrunc");
        Assert.True(flip.Succeeded, flip.Stderr);
        var listed = await CliProcess.RunAsync("backups", "--json", "--file", file, "--data-dir", _h.Folder, "--offline-dir", offline);
        var table = await CliProcess.RunAsync("backups", "portal", "--file", file, "--data-dir", _h.Folder, "--offline-dir", offline);

        Assert.Equal(0, listed.ExitCode);
        using var json = JsonDocument.Parse(listed.Stdout);
        var row = Assert.Single(json.RootElement.GetProperty("backups").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetString());
        Assert.True(row.GetProperty("intact").GetBoolean());
        var copies = row.GetProperty("copies").EnumerateArray().ToDictionary(c => c.GetProperty("copy").GetString()!);
        Assert.False(copies["online"].GetProperty("intact").GetBoolean());
        Assert.Contains("checksum does not match", copies["online"].GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.True(copies["offline"].GetProperty("intact").GetBoolean());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains(id, table.Stdout, StringComparison.Ordinal);
        Assert.Contains("offline ✔", table.Stdout, StringComparison.Ordinal);

        var run = await CliProcess.RunAsync("run", "ransom", "--json", "--file", file, "--data-dir", _h.Folder, "--offline-dir", offline);
        using var drill = JsonDocument.Parse(run.Stdout);
        var restored = Assert.Single(drill.RootElement.GetProperty("restoredFrom").EnumerateArray());
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(id, restored.GetProperty("backupId").GetString());
        Assert.Equal("offline", restored.GetProperty("copy").GetString());
        Assert.Contains("checksum does not match", restored.GetProperty("fallback").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_system_or_one_without_a_backup_is_bad_input_with_the_fix()
    {
        var file = await CatalogueAsync(backup: "");

        var unknown = await CliProcess.RunAsync("backup", "portl", "--file", file, "--data-dir", _h.Folder);
        var none = await CliProcess.RunAsync("backups", "portal", "--file", file, "--data-dir", _h.Folder);

        Assert.Equal(ExitCodes.BadInput, unknown.ExitCode);
        Assert.Contains("did you mean 'portal'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, none.ExitCode);
        Assert.Contains("declares no backup", none.Stderr, StringComparison.Ordinal);
        Assert.Contains("backup: { method: files }", none.Stderr, StringComparison.Ordinal);
        Assert.Null(await _h.Runtime.FindByNameAsync(Name, CancellationToken.None));
    }

    public Task InitializeAsync() => DockerCli.RemoveAsync(Name, Share);

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await DockerCli.RemoveAsync(volume: Share);
    }
}
