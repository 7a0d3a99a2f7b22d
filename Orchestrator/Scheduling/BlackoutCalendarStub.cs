using Drills.Scenarios.Catalogue;
using Quartz.Impl.Calendar;

namespace Drills.Orchestrator.Scheduling;

// Interim until the blackout calendar lands.
internal sealed class BlackoutCalendar : BaseCalendar
{
    public static BlackoutCalendar? For(DrillCatalogue catalogue, ScenarioDefinition scenario) => null;
}

internal sealed class BlackoutCalendarSerializer : Quartz.Serialization.SystemTextJson.Calendars.CalendarSerializer<BlackoutCalendar>
{
    public override string CalendarTypeName => "drills-blackout";

    protected override BlackoutCalendar Create(System.Text.Json.JsonElement jsonElement, System.Text.Json.JsonSerializerOptions options) => new();

    protected override void SerializeFields(System.Text.Json.Utf8JsonWriter writer, BlackoutCalendar calendar, System.Text.Json.JsonSerializerOptions options)
    {
    }

    protected override void DeserializeFields(BlackoutCalendar calendar, System.Text.Json.JsonElement jsonElement, System.Text.Json.JsonSerializerOptions options)
    {
    }
}
