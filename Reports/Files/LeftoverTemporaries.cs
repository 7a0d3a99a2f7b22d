using System.Text.RegularExpressions;

namespace Drills.Reports.Files;

/// <summary>
/// Removes the hidden temporary files (<see cref="PrivateFiles.TemporaryPathFor"/>) a crash left in the data
/// directory: a half-written snapshot can be gigabytes, and nothing else would ever delete it. Only names of
/// exactly that shape, regular files (never links), and only ones last written before this process started,
/// and none another drills still holds open, so a file being written this moment is left alone.
/// </summary>
internal static partial class LeftoverTemporaries
{
    /// <summary>Deletes them under <paramref name="root"/> (its subfolders included unless <paramref name="recurse"/> is false, links not followed); returns their paths.</summary>
    public static IReadOnlyList<string> Remove(string root, DateTime startedUtc, bool recurse = true)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = recurse,
            // Hidden files are what is looked for; links, to files or folders, are neither followed nor touched.
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, ".*.tmp", options))
        {
            var info = new FileInfo(file);
            if (info.LinkTarget is null && TemporaryName().IsMatch(info.Name) && info.LastWriteTimeUtc < startedUtc && TryDeleteUnused(file))
            {
                removed.Add(file);
            }
        }

        // A backup is assembled in a hidden temporary folder of the same shape; one a crash left is removed whole,
        // unless a file in it is still open (a writer now) or it changed since this process started.
        foreach (var folder in Directory.EnumerateDirectories(root, ".*.tmp", options).ToList())
        {
            var info = new DirectoryInfo(folder);
            if (info.Exists && info.LinkTarget is null && TemporaryName().IsMatch(info.Name) && info.LastWriteTimeUtc < startedUtc && TryDeleteUnusedFolder(folder))
            {
                removed.Add(folder);
            }
        }

        return removed;
    }

    private static bool TryDeleteUnusedFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }).ToList();
        var open = new List<FileStream>();
        try
        {
            foreach (var file in files)
            {
                if (new FileInfo(file).LinkTarget is null)
                {
                    open.Add(new FileStream(file, System.IO.FileMode.Open, FileAccess.ReadWrite, FileShare.None));
                }
            }

            Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        finally
        {
            open.ForEach(f => f.Dispose());
        }
    }

    /// <summary>
    /// Deletes the file unless a process still has it open for writing: drills writes them opened exclusively,
    /// which .NET backs with a lock this open cannot take while the writer lives.
    /// </summary>
    private static bool TryDeleteUnused(string file)
    {
        try
        {
            using var unused = new FileStream(file, System.IO.FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(file);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex("^\\..+\\.[0-9a-f]{16}\\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryName();
}
