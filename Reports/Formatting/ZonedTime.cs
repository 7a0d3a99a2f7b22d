using System.Globalization;

namespace Drills.Reports.Formatting;

/// <summary>
/// Shows UTC instants in the reader's zone with the offset spelled out, keeping the UTC value
/// alongside so a regulator can match the report to the journal, which is stored in UTC.
/// </summary>
internal sealed class ZonedTime(TimeZoneInfo zone)
{
    /// <summary>
    /// The zone's name and standard offset for headings. Each printed time carries its own offset,
    /// so a zone with daylight saving is still read correctly row by row.
    /// </summary>
    public string ZoneLabel
    {
        get
        {
            var offset = zone.BaseUtcOffset;
            return $"{zone.Id} (UTC{Offset(offset)})";
        }
    }

    /// <summary>Date and time with offset, e.g. "2026-11-23 14:05:03 +07:00".</summary>
    public string DateTime(DateTimeOffset utc) =>
        ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>Time of day with milliseconds and offset, for timeline rows.</summary>
    public string TimeOfDay(DateTimeOffset utc) =>
        ToLocal(utc).ToString("HH:mm:ss.fff zzz", CultureInfo.InvariantCulture);

    /// <summary>Calendar date only, e.g. "23/11/2026" as Vietnamese documents write it.</summary>
    public string Date(DateTimeOffset utc) =>
        ToLocal(utc).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Utc(DateTimeOffset utc) =>
        utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, zone);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
