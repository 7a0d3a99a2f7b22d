using System.Diagnostics;
using Drills.Orchestrator.Errors;
using Drills.Reports.Files;

namespace Drills.Orchestrator.App;

/// <summary>
/// Where drills keeps its run store, snapshots, reports and logs. Default: the user's data folder
/// (~/.local/share/drills on Linux); DRILLS_DATA_DIR or --data-dir override it. It holds snapshots of
/// citizen records, so drills keeps it to its user: folders 0700, files 0600.
/// </summary>
internal sealed record DataDirectory(string Root)
{
    public string Database => Path.Combine(Root, "drills.db");
    public string Snapshots => Path.Combine(Root, "snapshots");

    /// <summary>The online copies of agency backups (or, for a system with a share, their manifests), one folder per system.</summary>
    public string Backups => Path.Combine(Root, "backups");

    /// <summary>The offline copies of agency backups, unless --offline-dir or DRILLS_OFFLINE_DIR puts them elsewhere.</summary>
    public string DefaultOffline => Path.Combine(Root, "offline");

    /// <summary>One lock file per system: one drill per system across processes.</summary>
    public string Locks => Path.Combine(Root, "locks");
    public string Reports => Path.Combine(Root, "reports");
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>Each ended run's evidence, one folder per run id: report copy, chained journal, signed manifest.</summary>
    public string Evidence => Path.Combine(Root, "evidence");

    /// <summary>True when this is the folder every drills command uses without options: a pasted command needs no --data-dir.</summary>
    public bool IsDefault => string.Equals(Root, Path.GetFullPath(DefaultRoot), StringComparison.Ordinal);

    private static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "drills");

    /// <summary>
    /// The data directory, created private when missing. An existing one others can write to is refused (they
    /// could swap its snapshots or records); one they can only read is tightened when it is drills' default
    /// folder, and otherwise warned about on <paramref name="warnings"/>, since an administrator chose it.
    /// </summary>
    public static DataDirectory Resolve(string? option, TextWriter warnings)
    {
        var root = option
                   ?? Environment.GetEnvironmentVariable("DRILLS_DATA_DIR")
                   ?? DefaultRoot;
        var data = new DataDirectory(Path.GetFullPath(root));
        try
        {
            if (Directory.Exists(data.Root))
            {
                data.Guard(warnings);
            }
            else
            {
                PrivateFiles.CreateFolder(data.Root);
            }

            // drills' own folders: created private, and tightened when an earlier version left them open.
            foreach (var folder in (string[])[data.Snapshots, data.Reports, data.Logs, data.Locks, data.Evidence, data.Backups])
            {
                PrivateFiles.CreateFolder(folder);
                PrivateFiles.Tighten(folder);
            }

            // What a crash left half-written (a snapshot can be gigabytes); files of a drills running now are newer.
            LeftoverTemporaries.Remove(data.Root, ProcessStartedUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot use data directory {data.Root}: {ex.Message.TrimEnd('.')}.", "pass --data-dir with a writable folder");
        }

        return data;
    }

    /// <summary>When this process started: temporary files older than it belong to a process that is gone or, at worst, long stuck.</summary>
    public static DateTime ProcessStartedUtc
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.StartTime.ToUniversalTime();
        }
    }

    private void Guard(TextWriter warnings)
    {
        if (PrivateFiles.IsWritableByOthers(Root, out var mode))
        {
            throw new CliException(ExitCodes.BadInput,
                $"Data directory {Root} can be written by other users (mode {Octal(mode)}): they could replace its snapshots, run records or reports.",
                $"run chmod 700 {Root}, or pass --data-dir with a folder only you can write");
        }

        if (!PrivateFiles.IsOpenToOthers(Root, out mode))
        {
            return;
        }

        if (IsDefault)
        {
            PrivateFiles.Tighten(Root);
            return;
        }

        warnings.WriteLine(
            $"warning: data directory {Root} can be read by other users (mode {Octal(mode)}). drills keeps what it writes there " +
            $"private (folders 0700, files 0600), but others can still see the names; run chmod 700 {Root} to hide them.");
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
