using System.Globalization;
using Drills.Reports.Formatting;

namespace Drills.Orchestrator.Cli;

/// <summary>How a fire time reads on the terminal: the catalogue zone's clock with its offset, and UTC beside it.</summary>
internal static class FireTimeText
{
    public static string LocalAndUtc(DateTimeOffset utc, TimeZoneInfo zone) =>
        $"{new ZonedTime(zone).DateTime(utc)} ({utc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)";

    public static string Zone(TimeZoneInfo zone) => new ZonedTime(zone).ZoneLabel;
}
