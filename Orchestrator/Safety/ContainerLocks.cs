using System.Globalization;

namespace Drills.Orchestrator.Safety;

/// <summary>
/// One drill per container on the whole machine, whatever data directory each process uses: every drill
/// takes a lock keyed by its container's name in one folder all drills processes share,
/// <c>/run/drills/</c> (created 0700), or a folder in the temp directory when /run is not writable.
/// </summary>
internal sealed class ContainerLocks
{
    /// <summary>Where the locks live when the process may write there: cleared at boot, as no lock outlives one.</summary>
    public const string MachineFolder = "/run/drills";

    private ContainerLocks(string folder, bool fellBack) => (Folder, FellBack) = (folder, fellBack);

    /// <summary>The folder the locks are in; told to the user, since two processes must agree on it.</summary>
    public string Folder { get; }

    /// <summary>True when <see cref="MachineFolder"/> could not be used and the temp directory's folder is.</summary>
    public bool FellBack { get; }

    /// <summary>The machine's locks: in <paramref name="preferred"/>, else in <paramref name="fallback"/>.</summary>
    public static ContainerLocks Open(string preferred = MachineFolder, string? fallback = null)
    {
        if (TryCreate(preferred))
        {
            return new ContainerLocks(preferred, fellBack: false);
        }

        var other = fallback ?? Path.Combine(Path.GetTempPath(), "drills-locks");
        if (!TryCreate(other))
        {
            throw new DrillsLockFolderException(preferred, other);
        }

        return new ContainerLocks(other, fellBack: true);
    }

    /// <summary>The container's lease, or null when another drill holds it.</summary>
    public LockFile? TryAcquire(string containerName, string systemId, string runId) =>
        LockFile.TryAcquire(PathOf(containerName),
            string.Create(CultureInfo.InvariantCulture, $"run {runId} of system {systemId}, process {Environment.ProcessId}"));

    /// <summary>Who holds the container, as its holder wrote it, for the refusal message.</summary>
    public string HolderOf(string containerName) => LockFile.HolderOf(PathOf(containerName), "another process");

    public string PathOf(string containerName) => Path.Combine(Folder, containerName + ".lock");

    private static bool TryCreate(string folder)
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                // Owner only: a lock another user could take or delete would let it hold or free our container.
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var probe = Path.Combine(folder, $".probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
