namespace Drills.Scenarios.Catalogue;

/// <summary>The <c>defaults</c> section, with the product's defaults filled in where the file is silent.</summary>
internal sealed record CatalogueDefaults(
    string TimeZone,
    TimeSpan RtoTarget,
    TimeSpan ProbeInterval,
    TimeSpan MaxDuration)
{
    /// <summary>The national ceiling: every agency recovers within 24 hours. Not configurable.</summary>
    public static TimeSpan NationalCeiling { get; } = TimeSpan.FromHours(24);

    public static CatalogueDefaults Product { get; } = new(
        TimeZone: "Asia/Ho_Chi_Minh",
        RtoTarget: NationalCeiling,
        ProbeInterval: TimeSpan.FromSeconds(1),
        MaxDuration: TimeSpan.FromHours(2));
}
