using System.Runtime.InteropServices;
using System.Text;

namespace Drills.Reports.Files;

/// <summary>
/// Flushes a folder's entries to disk. A rename is durable only once its folder is: without this, a power cut
/// just after renaming a snapshot into place can leave the folder without it although its bytes were flushed.
/// </summary>
internal static class FolderSync
{
    private const int ReadOnly = 0;

    // open(2) flags differ between architectures: arm64 has its own values, x64 shares the generic ones.
    private static readonly int Directory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 ? 0x4000 : 0x10000;
    private static readonly int NoFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 ? 0x8000 : 0x20000;

    public static void Flush(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // The path as the NUL-terminated UTF-8 bytes open(2) takes.
        var descriptor = Open([.. Encoding.UTF8.GetBytes(folder), 0], ReadOnly | Directory | NoFollow);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open folder {folder} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (Sync(descriptor) != 0)
            {
                throw new IOException($"Cannot flush folder {folder} to disk (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Sync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
