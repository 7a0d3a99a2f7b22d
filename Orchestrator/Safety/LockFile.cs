using System.Text;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// An exclusive lock on a file, held for as long as this process keeps it: the kernel drops it when the
/// process dies, even by SIGKILL, so a crash never leaves anything locked. A note beside the file says
/// who holds it, since a refused process cannot read the locked file itself.
/// </summary>
internal sealed class LockFile : IDisposable
{
    private readonly FileStream _file;

    private LockFile(FileStream file) => _file = file;

    /// <summary>The lock, or null when another holder has it.</summary>
    public static LockFile? TryAcquire(string path, string holder)
    {
        PrivateFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FileStream file;
        try
        {
            file = PrivateFiles.OpenOrCreateExclusive(path);
        }
        catch (IOException)
        {
            return null;
        }

        try
        {
            // Replaced whole: a refused process never reads half a note.
            PrivateFiles.Replace(HolderNote(path), Encoding.UTF8.GetBytes(holder));
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return new LockFile(file);
    }

    /// <summary>True while someone holds the lock.</summary>
    public static bool IsHeld(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Who holds the lock, as the holder wrote it, or <paramref name="unknown"/>.</summary>
    public static string HolderOf(string path, string unknown)
    {
        try
        {
            return File.ReadAllText(HolderNote(path)).Trim() is { Length: > 0 } holder ? holder : unknown;
        }
        catch (IOException)
        {
            return unknown;
        }
    }

    public void Dispose() => _file.Dispose();

    private static string HolderNote(string path) => path + ".holder";
}
