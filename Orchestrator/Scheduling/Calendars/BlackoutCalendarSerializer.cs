using System.Globalization;
using System.Text.Json;
using Drills.Scenarios.Catalogue;
using Quartz.Serialization.SystemTextJson.Calendars;
using static System.FormattableString;

namespace Drills.Orchestrator.Scheduling.Calendars;

/// <summary>
/// Writes a <see cref="BlackoutCalendar"/> into Quartz's persistent store and reads it back. Register with
/// <c>store.UseSystemTextJsonSerializer(r =&gt; r.AddCalendarSerializer(new BlackoutCalendarSerializer()))</c>.
/// </summary>
internal sealed class BlackoutCalendarSerializer : CalendarSerializer<BlackoutCalendar>
{
    // Property names carry a prefix so they never meet the ones Quartz writes around them.
    private const string Zone = "BlackoutZone";
    private const string Rules = "BlackoutRules";

    public override string CalendarTypeName => "Drills.BlackoutCalendar";

    /// <summary>The whole calendar is built here: it is immutable, so there is nothing left for <see cref="DeserializeFields"/>.</summary>
    protected override BlackoutCalendar Create(JsonElement jsonElement, JsonSerializerOptions options)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(jsonElement.GetProperty(Zone).GetString()!);
        var rules = jsonElement.GetProperty(Rules).EnumerateArray().Select(ReadRule).ToList();
        return new BlackoutCalendar(rules, zone);
    }

    protected override void SerializeFields(Utf8JsonWriter writer, BlackoutCalendar calendar, JsonSerializerOptions options)
    {
        writer.WriteString(Zone, calendar.TimeZone.Id);
        writer.WriteStartArray(Rules);
        foreach (var rule in calendar.Rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
    }

    protected override void DeserializeFields(BlackoutCalendar calendar, JsonElement jsonElement, JsonSerializerOptions options)
    {
    }

    private static void WriteRule(Utf8JsonWriter writer, BlackoutRule rule)
    {
        writer.WriteStartObject();
        writer.WriteString("calendar", rule.CalendarId);
        if (rule.Daily is { } daily)
        {
            writer.WriteString("dailyStart", daily.Start.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("dailyEnd", daily.End.ToString("O", CultureInfo.InvariantCulture));
        }

        writer.WriteStartArray("weekdays");
        foreach (var day in rule.Weekdays)
        {
            writer.WriteNumberValue((int)day);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("dates");
        foreach (var range in rule.Dates)
        {
            writer.WriteStringValue(Invariant($"{range.First:O}..{range.Last:O}"));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static BlackoutRule ReadRule(JsonElement json)
    {
        DailyWindow? daily = json.TryGetProperty("dailyStart", out var start)
            ? new DailyWindow(Time(start), Time(json.GetProperty("dailyEnd")))
            : null;
        var weekdays = json.GetProperty("weekdays").EnumerateArray().Select(d => (DayOfWeek)d.GetInt32()).ToList();
        var dates = json.GetProperty("dates").EnumerateArray().Select(d => d.GetString()!.Split("..")).Select(parts => new DateRange(Date(parts[0]), Date(parts[1]))).ToList();
        return new BlackoutRule(json.GetProperty("calendar").GetString()!, daily, weekdays, dates);
    }

    private static TimeOnly Time(JsonElement json) => TimeOnly.ParseExact(json.GetString()!, "O", CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
