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

    /// <summary>The ceiling as authors and the law state it: "24h", never the equal "1d".</summary>
    public const string NationalCeilingText = "24h";

    /// <summary>The longest a drill may hold its target attacked before it aborts and rolls back.</summary>
    public static TimeSpan MaxDurationLimit { get; } = TimeSpan.FromDays(7);

    /// <summary>The fastest checks may be polled: quicker probing would itself load the system under drill.</summary>
    public static TimeSpan MinProbeInterval { get; } = TimeSpan.FromMilliseconds(100);

    public static CatalogueDefaults Product { get; } = new(
        TimeZone: "Asia/Ho_Chi_Minh",
        RtoTarget: NationalCeiling,
        ProbeInterval: TimeSpan.FromSeconds(1),
        MaxDuration: TimeSpan.FromHours(2));
}
