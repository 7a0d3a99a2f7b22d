using System.Formats.Tar;
using System.Text;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Steps;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Corrupts one configuration file anywhere in the target (its own layer included), after keeping its original,
/// as read through the archive API, in the run's folder: a rollback, even after a crash, puts that original back.
/// </summary>
internal sealed class ConfigCorruption(IContainerRuntime runtime)
{
    /// <summary>A configuration file is small; anything larger is not one.</summary>
    private static readonly ArchiveLimit ConfigLimit = new(16L << 20, "corrupt-config changes one configuration file of at most 16 MiB; name a smaller file");

    public async Task<string> CorruptAsync(string containerId, CorruptConfigStep step, AttackTrail trail, CancellationToken cancellationToken)
    {
        var original = await ReadAsync(containerId, step.Path, cancellationToken);
        await trail.KeepConfigAsync(step.Path, original.Tar, cancellationToken);
        var written = step.Content is { } content
            ? Encoding.UTF8.GetBytes(content)
            : [.. original.Content, .. Encoding.UTF8.GetBytes(step.Append ?? "")];
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, original.Name)
            {
                Mode = original.Mode,
                Uid = original.Uid,
                Gid = original.Gid,
                DataStream = new MemoryStream(written),
            }, cancellationToken);
        }

        tar.Position = 0;
        await runtime.CopyToAsync(containerId, ContainerPath.ParentOf(step.Path), tar, cancellationToken);
        return step.Content is null
            ? $"kept the original {step.Path} ({original.Content.Length} bytes) in the run's folder; appended {written.Length - original.Content.Length} bytes"
            : $"kept the original {step.Path} ({original.Content.Length} bytes) in the run's folder; replaced it with {written.Length} bytes";
    }

    /// <summary>Puts back every original this run kept; returns the paths, or null when it kept none.</summary>
    public async Task<string?> PutBackAsync(string containerId, AttackTrail trail, CancellationToken cancellationToken)
    {
        var kept = trail.Read().Configs;
        foreach (var config in kept)
        {
            await using var tar = trail.OpenKept(config);
            await runtime.CopyToAsync(containerId, ContainerPath.ParentOf(config.Path), tar, cancellationToken);
        }

        return kept.Count == 0 ? null : $"put back the original of {string.Join(", ", kept.Select(k => k.Path))}, kept before corrupt-config";
    }

    private async Task<OriginalFile> ReadAsync(string containerId, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.ReadArchiveAsync(containerId, path, ConfigLimit, (tar, ct) => OriginalFile.ReadAsync(tar, path, ct), cancellationToken);
        }
        catch (DockerOperationException ex)
        {
            throw new StepFailedException($"cannot read {path} in the target ({ex.Problem.TrimEnd('.')}); nothing was changed",
                "name a file that exists in the container, such as /etc/nginx/nginx.conf (docker exec NAME ls -l PATH shows it)", ex);
        }
    }

    /// <summary>The file as the archive API gave it: the whole tar (kept as is) and the entry's content and owner.</summary>
    private sealed record OriginalFile(byte[] Tar, string Name, byte[] Content, UnixFileMode Mode, int Uid, int Gid)
    {
        public static async Task<OriginalFile> ReadAsync(Stream source, string path, CancellationToken cancellationToken)
        {
            using var copy = new MemoryStream();
            await source.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            await using var reader = new TarReader(copy, leaveOpen: true);
            var entry = await reader.GetNextEntryAsync(copyData: true, cancellationToken);
            if (entry is not { EntryType: TarEntryType.RegularFile or TarEntryType.V7RegularFile })
            {
                throw new StepFailedException($"{path} in the target is {(entry is null ? "empty" : "not a regular file (" + entry.EntryType + ")")}; nothing was changed",
                    "name one configuration file, not a folder or a link");
            }

            using var content = new MemoryStream();
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(content, cancellationToken);
            }

            return new OriginalFile(copy.ToArray(), entry.Name, content.ToArray(), entry.Mode, entry.Uid, entry.Gid);
        }
    }
}
