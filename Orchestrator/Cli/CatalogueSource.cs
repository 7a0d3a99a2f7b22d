using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// Finds and loads the catalogue: the file given, else ./scenarios.yaml, else the sample catalogue
/// embedded in the binary (the embedded default), so `drills run` works from any folder.
/// </summary>
internal static class CatalogueSource
{
    public const string DefaultFile = "scenarios.yaml";
    private const string EmbeddedName = "Drills.scenarios.yaml";

    public static DrillCatalogue Load(string? file, TextWriter diagnostics)
    {
        var result = LoadResult(file, diagnostics);
        if (!result.IsValid)
        {
            throw new CatalogueInvalidException(result.Errors);
        }

        return result.Catalogue;
    }

    public static CatalogueLoadResult LoadResult(string? file, TextWriter diagnostics)
    {
        if (file is not null)
        {
            return CatalogueLoader.LoadFile(file);
        }

        if (File.Exists(DefaultFile))
        {
            return CatalogueLoader.LoadFile(DefaultFile);
        }

        diagnostics.WriteLine($"No {DefaultFile} in {Environment.CurrentDirectory}; using the sample catalogue built into drills.");
        using var stream = typeof(CatalogueSource).Assembly.GetManifestResourceStream(EmbeddedName)
                           ?? throw new InvalidOperationException("The embedded sample catalogue is missing from the build.");
        using var reader = new StreamReader(stream);
        return CatalogueLoader.LoadText(reader.ReadToEnd(), "(embedded) scenarios.yaml");
    }
}

/// <summary>The catalogue has errors; the CLI prints them all and exits 2.</summary>
internal sealed class CatalogueInvalidException(IReadOnlyList<CatalogueError> errors) : Exception($"{errors.Count} error(s) in the catalogue")
{
    public IReadOnlyList<CatalogueError> Errors { get; } = errors;
}
