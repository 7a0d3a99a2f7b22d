using Drills.Reports.Files;

namespace Drills.Orchestrator.Backups;

/// <summary>
/// A backup folder is written whole or not at all: filled in a hidden temporary folder, its manifest written last,
/// everything flushed, then renamed to the backup's id. A crash or an error leaves no folder a listing would show.
/// </summary>
internal static class BackupFolder
{
    /// <summary>Fills the temporary folder, writes the manifest into it, and renames it into place; on any failure deletes it.</summary>
    public static async Task CompleteAsync(BackupManifest manifest, string temporary, string final, Func<Task> fill, CancellationToken cancellationToken)
    {
        try
        {
            PrivateFiles.CreateFolder(temporary);
            await fill();
            await PrivateFiles.ReplaceAsync(Path.Combine(temporary, BackupManifest.FileName), manifest.ToJson(), cancellationToken);
            FolderSync.Flush(temporary);
            Directory.Move(temporary, final);
            FolderSync.Flush(Path.GetDirectoryName(final)!);
        }
        catch
        {
            Remove(temporary);
            throw;
        }
    }

    /// <summary>Deletes a backup folder: renamed aside first, so a listing never sees it half deleted.</summary>
    public static void Remove(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var aside = folder;
        if (!Path.GetFileName(folder).StartsWith('.'))
        {
            // The shape of a temporary folder: if this process dies mid-delete, the next start removes the rest.
            aside = PrivateFiles.TemporaryPathFor(folder);
            Directory.Move(folder, aside);
        }

        Directory.Delete(aside, recursive: true);
    }
}
