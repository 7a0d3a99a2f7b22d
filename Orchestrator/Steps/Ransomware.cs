using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Simulates ransomware for real: every file under the paths is encrypted with AES-GCM under a key
/// that exists only in this method and is thrown away, written back renamed, and a note is dropped.
/// The originals are then deleted, so only the baseline backup can bring the data back.
/// </summary>
internal sealed class Ransomware
{
    private readonly IContainerRuntime _runtime;

    public Ransomware(IContainerRuntime runtime) => _runtime = runtime;

    public async Task<string> EncryptAsync(string containerId, EncryptFilesStep step, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var encrypted = 0;
        long bytes = 0;
        var originals = new List<string>();
        foreach (var path in step.Paths)
        {
            // Held in memory to write back, so read under the in-memory limit.
            using var locked = await _runtime.ReadArchiveAsync(
                containerId, path, ArchiveLimit.InMemory, (source, ct) => LockAsync(source, path, key, step, originals, ct), cancellationToken);
            encrypted += locked.Files;
            bytes += locked.Bytes;
            await _runtime.CopyToAsync(containerId, ContainerPath.ParentOf(path), locked.Tar, cancellationToken);
        }

        CryptographicOperations.ZeroMemory(key);
        await DeleteAsync(containerId, originals, cancellationToken);
        return Invariant($"encrypted {encrypted} file(s), {bytes / 1024.0:0.#} KiB, AES-256-GCM with a discarded key; originals deleted; note {step.Note} dropped");
    }

    /// <summary>The encrypted tar of one path, ready to copy back, with what went into it.</summary>
    private sealed record LockedTar(MemoryStream Tar, int Files, long Bytes) : IDisposable
    {
        public void Dispose() => Tar.Dispose();
    }

    private static async Task<LockedTar> LockAsync(
        Stream source, string path, byte[] key, EncryptFilesStep step, List<string> originals, CancellationToken cancellationToken)
    {
        var locked = new MemoryStream();
        var (files, bytes) = (0, 0L);
        await using (var writer = new TarWriter(locked, TarEntryFormat.Pax, leaveOpen: true))
        {
            var parent = ContainerPath.ParentOf(path).TrimEnd('/');
            await using var reader = new TarReader(source, leaveOpen: true);
            while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                {
                    continue;
                }

                var plain = await ReadAllAsync(entry.DataStream, cancellationToken);
                await writer.WriteEntryAsync(Locked(entry, entry.Name + step.Extension, Encrypt(key, plain)), cancellationToken);
                originals.Add(parent + "/" + entry.Name);
                files++;
                bytes += plain.Length;
            }

            var root = path.TrimEnd('/')[(parent.Length + 1)..];
            await writer.WriteEntryAsync(Note(root + "/" + step.Note), cancellationToken);
        }

        locked.Position = 0;
        return new LockedTar(locked, files, bytes);
    }

    private async Task DeleteAsync(string containerId, List<string> files, CancellationToken cancellationToken)
    {
        // Batched so a large tree never exceeds the exec argument limit.
        foreach (var batch in files.Chunk(200))
        {
            var result = await _runtime.ExecAsync(containerId, ["rm", "-f", "--", .. batch], cancellationToken);
            if (!result.Succeeded)
            {
                throw new StepFailedException($"could not delete originals: {result.Stderr.Trim()}", "check that the container can run rm on its data paths");
            }
        }
    }

    private static byte[] Encrypt(byte[] key, byte[] plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using var aes = new AesGcm(key, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return [.. nonce, .. tag, .. cipher];
    }

    private static PaxTarEntry Locked(TarEntry original, string name, byte[] content) => new(TarEntryType.RegularFile, name)
    {
        Mode = original.Mode,
        Uid = original.Uid,
        Gid = original.Gid,
        DataStream = new MemoryStream(content),
    };

    private static PaxTarEntry Note(string name) => new(TarEntryType.RegularFile, name)
    {
        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        DataStream = new MemoryStream(Encoding.UTF8.GetBytes(
            "DRILL / DIỄN TẬP: your files were encrypted by a recovery drill run by drills.\n" +
            "Tệp của bạn đã bị mã hóa trong một cuộc diễn tập khôi phục. Khôi phục từ bản sao lưu.\n" +
            "Restore from backup. The key was discarded on purpose.\n")),
    };

    private static async Task<byte[]> ReadAllAsync(Stream? stream, CancellationToken cancellationToken)
    {
        if (stream is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
