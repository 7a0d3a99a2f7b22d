namespace Drills.Scenarios.Loading;

/// <summary>Reads and validates a scenarios.yaml (format version 1).</summary>
internal static class CatalogueLoader
{
    public static CatalogueLoadResult LoadFile(string path) => throw new NotImplementedException();

    public static CatalogueLoadResult LoadText(string yaml, string fileName) => throw new NotImplementedException();
}
