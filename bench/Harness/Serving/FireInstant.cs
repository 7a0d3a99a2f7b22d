using System.Globalization;

namespace Drills.Bench.Serving;

/// <summary>A known instant for scheduled fires: a whole second ahead, written as a Quartz cron in UTC that fires then and never again.</summary>
internal static class FireInstant
{
    /// <summary>The next whole second at least <paramref name="ahead"/> from now.</summary>
    public static DateTimeOffset Ahead(TimeSpan ahead)
    {
        var at = DateTimeOffset.UtcNow + ahead;
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero).AddSeconds(1);
    }

    /// <summary>"s m h D M ? YYYY" in a catalogue whose zone is Etc/UTC.</summary>
    public static string Cron(DateTimeOffset utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{utc.Second} {utc.Minute} {utc.Hour} {utc.Day} {utc.Month} ? {utc.Year}");
}
