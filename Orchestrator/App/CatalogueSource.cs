using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Scheduling;
using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.App;

/// <summary>
/// The one way to read a catalogue: the file given, else ./scenarios.yaml, else the sample catalogue
/// embedded in the binary (the embedded default), so `drills run` works from any folder. Loading and
/// validating are one step: what the loader checks, then what needs the scheduler's own cron reading
/// (schedules that never fire), so no command can accept a file another refuses.
/// </summary>
internal static class CatalogueSource
{
    public const string DefaultFile = "scenarios.yaml";
    private const string EmbeddedName = "Drills.scenarios.yaml";

    /// <summary>The file a command reads: the one given, else ./scenarios.yaml when present, else null (the embedded sample).</summary>
    public static string? Resolve(string? file) => file ?? (File.Exists(DefaultFile) ? DefaultFile : null);

    /// <summary>Loads and validates; throws <see cref="CatalogueInvalidException"/> with every error.</summary>
    public static DrillCatalogue Load(string? file, DateTimeOffset now, TextWriter diagnostics)
    {
        var result = Validate(file, now, diagnostics);
        return result.IsValid ? result.Catalogue : throw new CatalogueInvalidException(result.Errors);
    }

    /// <summary>
    /// Loads and validates. A file that parsed keeps its catalogue beside the errors of its schedules,
    /// so <c>drills schedule</c> can still show them; <see cref="CatalogueLoadResult.IsValid"/> is true only without errors.
    /// </summary>
    public static CatalogueLoadResult Validate(string? file, DateTimeOffset now, TextWriter diagnostics)
    {
        var loaded = Read(Resolve(file), diagnostics);
        return loaded.IsValid ? loaded with { Errors = ScheduleCheck.Check(loaded.Catalogue, now) } : loaded;
    }

    private static CatalogueLoadResult Read(string? file, TextWriter diagnostics)
    {
        if (file is not null)
        {
            // Every command says which file it read: two copies of a catalogue must never be confused.
            diagnostics.WriteLine($"Catalogue: {Path.GetFullPath(file)}");
            return WritableByOthers(file, Environment.IsPrivilegedProcess) is { } refusal ? refusal : CatalogueLoader.LoadFile(file);
        }

        diagnostics.WriteLine($"No {DefaultFile} in {Environment.CurrentDirectory}; using the sample catalogue built into drills.");
        using var stream = typeof(CatalogueSource).Assembly.GetManifestResourceStream(EmbeddedName)
                           ?? throw new InvalidOperationException("The embedded sample catalogue is missing from the build.");
        using var reader = new StreamReader(stream);
        return CatalogueLoader.LoadText(reader.ReadToEnd(), "(embedded) scenarios.yaml");
    }

    /// <summary>
    /// Run as root, drills attacks what the catalogue names: a file other users can change would let them
    /// choose what root attacks. Refused as an error of the file, before it is read.
    /// </summary>
    internal static CatalogueLoadResult? WritableByOthers(string file, bool privileged)
    {
        if (!privileged || OperatingSystem.IsWindows() || !File.Exists(file))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(file);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0)
        {
            return null;
        }

        var error = new CatalogueError(new SourceLocation(file, 1, 1),
            "The catalogue can be changed by other users, and drills runs as root: whoever edits it would choose what drills attacks.",
            $"make it writable by its owner only: chmod go-w {file}");
        return new CatalogueLoadResult(null, [error]);
    }
}
