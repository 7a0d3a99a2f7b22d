namespace Drills.Scenarios.Loading;

/// <summary>
/// Bounds on what the loader reads, so no file, however written, can exhaust the stack, the memory or the
/// time of a command. Each is far above what a real catalogue needs; docs/scenario-format.md states them.
/// </summary>
internal static class CatalogueLimits
{
    /// <summary>4 MiB: the sample catalogue is a few KB, and 10,000 scheduled scenarios written out take about 2 MB;
    /// a larger file is refused before it is read into memory.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Nesting of mappings and lists; the deepest catalogue value (a step's option list) is 8 deep.
    /// YamlDotNet recurses over nesting, so this bound is what keeps its stack safe.</summary>
    public const int MaxDepth = 32;

    /// <summary>Characters in one value or key.</summary>
    public const int MaxTextLength = 64 * 1024;

    /// <summary>Values in the file once every alias is expanded: aliases of aliases multiply text. A scenario holds about
    /// 20 values, so 10,000 scheduled scenarios fit with room to spare.</summary>
    public const int MaxExpandedValues = 500_000;
}
