using Drills.Orchestrator.Runs;
using Drills.Scenarios.Loading;

namespace Drills.Orchestrator.App;

/// <summary>
/// The catalogue texts kept with runs (secrets masked), each loaded once per process: an ended run's evidence and the
/// CIO index rewritten after it both read the one it was drilled with, and a service reads it after every drill.
/// </summary>
internal sealed class KeptCatalogues(IRunStore store)
{
    /// <summary>Distinct catalogues held at once; a service reloads its catalogue rarely, so a few cover every drill.</summary>
    private const int Held = 4;

    private readonly Dictionary<string, CatalogueLoadResult> _loaded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The kept catalogue of this hash as it loads now; null when no text of that hash was kept.</summary>
    public CatalogueLoadResult? Load(string sha256)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(sha256, out var loaded))
            {
                return loaded;
            }
        }

        // Not remembered while missing: the text may be kept later (the next drill of a reloaded catalogue).
        if (store.FindCatalogue(sha256) is not { } kept)
        {
            return null;
        }

        var result = CatalogueLoader.LoadText(kept.Text, kept.SourcePath);
        lock (_gate)
        {
            if (_loaded.Count >= Held)
            {
                _loaded.Clear();
            }

            _loaded[sha256] = result;
        }

        return result;
    }
}
