using Drills.Bench.Measuring;

// The suite reads Linux's /proc and runs beside dockerd: it is Linux-only by design.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Drills.Bench;

/// <summary>What every section is handed: the mode, where things are, and a scratch folder removed at the end.</summary>
internal sealed class BenchContext
{
    public required bool Quick { get; init; }

    /// <summary>The repository root (scripts/bench runs from anywhere).</summary>
    public required string Root { get; init; }

    /// <summary>The drills build the README's ./drills uses (artifacts/drills/drills.dll), built before the suite starts.</summary>
    public required string DrillsDll { get; init; }

    /// <summary>The other programs of the suite (empty, floor, stopwatch), built next to the harness.</summary>
    public required string ToolsDir { get; init; }

    /// <summary>A private scratch folder for data directories and catalogues; removed when the suite ends.</summary>
    public required string Work { get; init; }

    /// <summary>Progress lines (stderr), so a long section is never silent.</summary>
    public required TextWriter Progress { get; init; }

    /// <summary>Rounds of an interleaved comparison: at least 10 in a full run.</summary>
    public int Rounds(int full, int quick) => Quick ? quick : full;

    /// <summary>Runs the built drills CLI with its own data directory and measures the whole process.</summary>
    public Task<ProcessResult> DrillsAsync(IEnumerable<string> args, string dataDir, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, Action<int>? started = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["DRILLS_DATA_DIR"] = dataDir, ["NO_COLOR"] = "1" };
        return ChildProcess.RunAsync("dotnet", [DrillsDll, .. args], cancellationToken, env, Root, started);
    }

    /// <summary>A fresh private folder under the scratch folder.</summary>
    public string Folder(string name)
    {
        var path = Path.Combine(Work, name);
        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
