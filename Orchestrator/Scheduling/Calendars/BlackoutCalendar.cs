using Drills.Scenarios.Catalogue;
using Quartz;
using Quartz.Impl.Calendar;

namespace Drills.Orchestrator.Scheduling.Calendars;

/// <summary>
/// A scenario's blackout calendars as one Quartz calendar: a time is excluded when any of them
/// excludes it, read on the catalogue zone's wall clock. Stored by <see cref="BlackoutCalendarSerializer"/>.
/// </summary>
internal sealed class BlackoutCalendar : BaseCalendar
{
    /// <summary>Calendar names in the scheduler are per scenario: each scenario combines its own calendars.</summary>
    public const string NamePrefix = "blackout:";

    /// <summary>How far ahead an included time is looked for before the calendar counts as excluding everything.</summary>
    public static TimeSpan SearchLimit { get; } = TimeSpan.FromDays(BlackoutRule.MaxWholeDays);

    public BlackoutCalendar(IReadOnlyList<BlackoutRule> rules, TimeZoneInfo zone)
        : base(zone)
    {
        Rules = rules;
        base.Description = "blackout: " + string.Join(", ", rules.Select(r => r.CalendarId));
    }

    public IReadOnlyList<BlackoutRule> Rules { get; }

    public static string NameFor(string scenarioId) => NamePrefix + scenarioId;

    /// <summary>The scenario's blackout, in the catalogue's zone; null when it names no calendar.</summary>
    public static BlackoutCalendar? For(DrillCatalogue catalogue, ScenarioDefinition scenario) => For(catalogue, scenario.Blackout);

    /// <summary>The named calendars as one blackout, in the catalogue's zone; null when none is named.</summary>
    public static BlackoutCalendar? For(DrillCatalogue catalogue, IReadOnlyList<string> calendarIds) =>
        calendarIds.Count == 0
            ? null
            : new BlackoutCalendar(
                [.. calendarIds.Select(id => BlackoutRule.From(catalogue.Calendars[id]))],
                TimeZoneInfo.FindSystemTimeZoneById(catalogue.Defaults.TimeZone));

    /// <summary>The calendars that exclude an instant; empty when it is included.</summary>
    public IEnumerable<BlackoutRule> ExcludedBy(DateTimeOffset instant)
    {
        var reading = WallClock.Reading(instant, TimeZone);
        return Rules.Where(rule => rule.Excludes(reading));
    }

    public override bool IsTimeIncluded(DateTimeOffset timeUtc) =>
        base.IsTimeIncluded(timeUtc) && !ExcludedBy(timeUtc).Any();

    /// <summary>
    /// <paramref name="timeUtc"/> itself when included, else the instant the blackout in force ends
    /// (jumping whole windows, never stepping); <see langword="default"/> when nothing is included
    /// within <see cref="SearchLimit"/>, as Quartz's own calendars answer "all excluded".
    /// </summary>
    public override DateTimeOffset GetNextIncludedTimeUtc(DateTimeOffset timeUtc)
    {
        var limit = timeUtc > DateTimeOffset.MaxValue - SearchLimit ? DateTimeOffset.MaxValue : timeUtc + SearchLimit;
        var at = timeUtc.ToUniversalTime();
        while (at <= limit)
        {
            if (OwnExclusionEnd(at) is not { } end)
            {
                return default;
            }

            if (end > at)
            {
                at = end;
                continue;
            }

            if (CalendarBase is null || CalendarBase.IsTimeIncluded(at))
            {
                return at;
            }

            var next = CalendarBase.GetNextIncludedTimeUtc(at);
            if (next <= at)
            {
                return default;
            }

            at = next;
        }

        return default;
    }

    public override ICalendar Clone() => CloneFields(new BlackoutCalendar(Rules, TimeZone));

    /// <summary>Same zone, description and base, and the same rules: they exclude the same times.</summary>
    public override bool Equals(object? obj) =>
        obj is BlackoutCalendar other && base.Equals(other) && Rules.SequenceEqual(other.Rules);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Rules.Count);

    /// <summary>
    /// When every exclusion in force at <paramref name="at"/> has ended (<paramref name="at"/> itself when
    /// none is); null when one never ends. Overlapping windows end at the latest of their ends.
    /// </summary>
    private DateTimeOffset? OwnExclusionEnd(DateTimeOffset at)
    {
        var reading = WallClock.Reading(at, TimeZone);
        var end = at;
        foreach (var rule in Rules.Where(r => r.Excludes(reading)))
        {
            if (rule.ExclusionEnd(reading) is not { } ruleEnd)
            {
                return null;
            }

            var instant = WallClock.FirstInstantAt(ruleEnd, TimeZone, at);
            end = instant > end ? instant : end;
        }

        return end;
    }
}
