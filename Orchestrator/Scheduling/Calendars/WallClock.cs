namespace Drills.Orchestrator.Scheduling.Calendars;

/// <summary>
/// A zone's clock readings and the instants they name. Calendars are written in wall-clock time, but
/// a daylight-saving gap skips readings and a fall-back repeats them, so a reading is not always one instant.
/// </summary>
internal static class WallClock
{
    public static DateTime Reading(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).DateTime;

    /// <summary>
    /// The first instant, not before <paramref name="notBefore"/>, at which the clock reads
    /// <paramref name="reading"/> or later: inside a gap that is the moment the clocks jumped; in a
    /// repeated hour, the earlier pass that is still ahead.
    /// </summary>
    public static DateTimeOffset FirstInstantAt(DateTime reading, TimeZoneInfo zone, DateTimeOffset notBefore)
    {
        reading = DateTime.SpecifyKind(reading, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(reading))
        {
            return GapEnd(reading, zone);
        }

        var offsets = zone.IsAmbiguousTime(reading) ? zone.GetAmbiguousTimeOffsets(reading) : [zone.GetUtcOffset(reading)];
        var instants = offsets.Select(offset => Utc(reading, offset)).Order().ToList();
        return instants.FirstOrDefault(i => i >= notBefore, instants[^1]);
    }

    /// <summary>The instant the clocks jumped over <paramref name="reading"/>: the first whose reading is past it.</summary>
    private static DateTimeOffset GapEnd(DateTime reading, TimeZoneInfo zone)
    {
        // Either side of the gap the offsets differ; the jump lies between the reading taken at each.
        var before = zone.GetUtcOffset(reading.AddHours(-12));
        var after = zone.GetUtcOffset(reading.AddHours(12));
        var low = Utc(reading, before > after ? before : after).UtcTicks;
        var high = Utc(reading, before > after ? after : before).UtcTicks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Reading(new DateTimeOffset(middle, TimeSpan.Zero), zone) >= reading)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new DateTimeOffset(low, TimeSpan.Zero);
    }

    private static DateTimeOffset Utc(DateTime reading, TimeSpan offset) => new(reading.Ticks - offset.Ticks, TimeSpan.Zero);
}
