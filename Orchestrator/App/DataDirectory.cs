using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.App;

/// <summary>
/// Where drills keeps its run store, snapshots, reports and logs. Default: the user's data folder
/// (~/.local/share/drills on Linux); DRILLS_DATA_DIR or --data-dir override it.
/// </summary>
internal sealed record DataDirectory(string Root)
{
    public string Database => Path.Combine(Root, "drills.db");
    public string Snapshots => Path.Combine(Root, "snapshots");

    /// <summary>One lock file per system: one drill per system across processes.</summary>
    public string Locks => Path.Combine(Root, "locks");
    public string Reports => Path.Combine(Root, "reports");
    public string Logs => Path.Combine(Root, "logs");

    /// <summary>True when this is the folder every drills command uses without options: a pasted command needs no --data-dir.</summary>
    public bool IsDefault => string.Equals(Root, Path.GetFullPath(DefaultRoot), StringComparison.Ordinal);

    private static string DefaultRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "drills");

    public static DataDirectory Resolve(string? option)
    {
        var root = option
                   ?? Environment.GetEnvironmentVariable("DRILLS_DATA_DIR")
                   ?? DefaultRoot;
        var full = Path.GetFullPath(root);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot use data directory {full}: {ex.Message.TrimEnd('.')}.", "pass --data-dir with a writable folder.");
        }

        return new DataDirectory(full);
    }
}
