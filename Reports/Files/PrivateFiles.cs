using System.Security.Cryptography;

namespace Drills.Reports.Files;

/// <summary>
/// The one way drills creates folders and files: readable by its own user only (0700 and 0600), new files
/// opened exclusively so an existing file or a planted link at the path makes the write fail instead of
/// being followed, and whole files replaced through an unpredictable temporary name in the same folder.
/// Snapshots of citizen records, the run store, reports, logs and locks all go through it.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode OthersAndGroup =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder and any missing parents as 0700; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>A new file, 0600, opened for writing by this process alone; fails when anything already has the path.</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Replaces <paramref name="path"/> whole: the content goes to a new file with an unpredictable name beside
    /// it, reaches the disk, and is then renamed over the target, so a reader (or a crash) never sees half a file
    /// and a link at either path is never written through.
    /// </summary>
    public static async Task ReplaceAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            await using (var file = CreateNew(temporary))
            {
                await file.WriteAsync(content, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            FolderSync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>As <see cref="ReplaceAsync"/>, for a small file written on the spot.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var file = CreateNew(temporary))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            FolderSync.Flush(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Opens the file for reading and writing by this process alone, creating it as 0600 when missing and
    /// tightening it when it exists; a link at the path is refused.
    /// </summary>
    public static FileStream OpenOrCreateExclusive(string path)
    {
        RefuseLink(path);
        var options = new FileStreamOptions { Mode = System.IO.FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        var file = new FileStream(path, options);
        Tighten(path);
        return file;
    }

    /// <summary>Removes group and other access from an existing file or folder drills owns; a missing path is left alone.</summary>
    public static void Tighten(string path)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & OthersAndGroup) != 0)
        {
            File.SetUnixFileMode(path, mode & ~OthersAndGroup);
        }
    }

    /// <summary>True when group or other users have any access to the path.</summary>
    public static bool IsOpenToOthers(string path, out UnixFileMode mode)
    {
        mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
        return (mode & OthersAndGroup) != 0;
    }

    /// <summary>True when others than the owner may create, rename or delete entries in the folder.</summary>
    public static bool IsWritableByOthers(string path, out UnixFileMode mode)
    {
        mode = OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
    }

    /// <summary>The file for reading, shared with readers only; a link at the path is refused instead of followed.</summary>
    public static FileStream OpenRead(string path)
    {
        RefuseLink(path);
        return new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan });
    }

    /// <summary>A name in the target's folder nobody can guess in advance, hidden from listings.</summary>
    public static string TemporaryPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.tmp");

    private static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new UnauthorizedAccessException($"{path} is a symbolic link (to {target}); drills does not write through links.");
        }
    }
}
