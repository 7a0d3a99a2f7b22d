using System.Text.Json;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// What a run's attack steps changed that its data snapshot does not cover: the networks it cut the target off
/// (with how it was attached) and the original of every configuration file it corrupted. Kept on disk in the run's
/// own folder before the change is made, so a rollback, even one after a crash, can put each back.
/// </summary>
internal sealed class AttackTrail
{
    private const string TrailFile = "attack-trail.json";
    private readonly string _folder;

    public AttackTrail(SnapshotStore store, string runId) => _folder = store.FolderOf(runId);

    /// <summary>The networks cut and not yet reconnected, and the configuration files kept, as last written.</summary>
    public Entries Read()
    {
        var file = Path.Combine(_folder, TrailFile);
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<Entries>(File.ReadAllBytes(file)) ?? Entries.Empty : Entries.Empty;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new StepFailedException($"the run's attack trail {file} cannot be read ({ex.Message}), so what the attack changed outside the data paths is unknown",
                "check the file (a damaged trail was edited or cut short); put back the cut network or kept configuration by hand");
        }
    }

    /// <summary>Notes a cut before it is made: a crash right after still leaves the way back.</summary>
    public Task CutAsync(NetworkAttachment attachment, CancellationToken cancellationToken)
    {
        var entries = Read();
        return WriteAsync(entries with { Cut = [.. entries.Cut.Where(c => c.Network != attachment.Network), attachment] }, cancellationToken);
    }

    public Task ReconnectedAsync(string network, CancellationToken cancellationToken)
    {
        var entries = Read();
        return WriteAsync(entries with { Cut = [.. entries.Cut.Where(c => c.Network != network)] }, cancellationToken);
    }

    /// <summary>
    /// Keeps the archive of a configuration file as it was before the first corruption of this run, and returns
    /// where; a second corruption of the same file keeps the first original.
    /// </summary>
    public async Task<string> KeepConfigAsync(string path, ReadOnlyMemory<byte> tar, CancellationToken cancellationToken)
    {
        var entries = Read();
        if (entries.Configs.FirstOrDefault(c => c.Path == path) is { } kept)
        {
            return Path.Combine(_folder, kept.File);
        }

        PrivateFiles.CreateFolder(_folder);
        var name = $"config-{entries.Configs.Count:D2}.tar";
        await PrivateFiles.ReplaceAsync(Path.Combine(_folder, name), tar, cancellationToken);
        await WriteAsync(entries with { Configs = [.. entries.Configs, new KeptConfig(path, name)] }, cancellationToken);
        return Path.Combine(_folder, name);
    }

    /// <summary>The kept archive of one configuration file.</summary>
    public Stream OpenKept(KeptConfig config) => PrivateFiles.OpenRead(Path.Combine(_folder, config.File));

    private async Task WriteAsync(Entries entries, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(_folder);
        await PrivateFiles.ReplaceAsync(Path.Combine(_folder, TrailFile), JsonSerializer.SerializeToUtf8Bytes(entries), cancellationToken);
    }

    /// <summary>The trail as written: cut networks and kept configuration files.</summary>
    internal sealed record Entries(IReadOnlyList<NetworkAttachment> Cut, IReadOnlyList<KeptConfig> Configs)
    {
        public static Entries Empty { get; } = new([], []);
    }

    /// <summary>A configuration file's original: its path in the container and the archive's file name in the run folder.</summary>
    internal sealed record KeptConfig(string Path, string File);
}
