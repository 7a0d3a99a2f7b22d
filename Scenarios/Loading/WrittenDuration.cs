using Drills.Scenarios.Durations;

namespace Drills.Scenarios.Loading;

/// <summary>A duration and the text that stands for it in messages: what the author wrote, so an error
/// about 'rto_target: 30h' says 30h rather than a reformatted 1d6h.</summary>
internal sealed record WrittenDuration(TimeSpan Value, string Text)
{
    /// <summary>A value the author did not write (a product default), in the format's own spelling.</summary>
    public static WrittenDuration Of(TimeSpan value) => new(value, DurationText.Format(value));
}
