using System.Formats.Tar;
using System.Text;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>Small tars built in memory, shaped like the ones the engine hands out.</summary>
internal static class Tars
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    public static TarEntry File(string name, string content, UnixFileMode mode = FileMode, int uid = 0, int gid = 0) =>
        new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)), Mode = mode, Uid = uid, Gid = gid };

    public static TarEntry Folder(string name, UnixFileMode mode = FolderMode, int uid = 0, int gid = 0) =>
        new PaxTarEntry(TarEntryType.Directory, name.TrimEnd('/') + "/") { Mode = mode, Uid = uid, Gid = gid };

    public static TarEntry Link(string name, string target) =>
        new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, Mode = FolderMode };

    public static MemoryStream Of(params TarEntry[] entries)
    {
        var stream = new MemoryStream();
        using (var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                writer.WriteEntry(entry);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
