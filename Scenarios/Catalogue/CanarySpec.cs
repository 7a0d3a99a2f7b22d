using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>
/// Marker records that measure data loss: drills writes a unique marker with <see cref="Write"/> every
/// <see cref="Interval"/>, and after recovery reads which are still there with <see cref="Read"/>.
/// </summary>
/// <param name="Write">Run inside the container; every <c>{marker}</c> in its words is replaced by the marker.</param>
/// <param name="Read">Run inside the container; its stdout holds every marker still present.</param>
internal sealed record CanarySpec(IReadOnlyList<string> Write, IReadOnlyList<string> Read, TimeSpan Interval, SourceLocation Location)
{
    /// <summary>The placeholder in <see cref="Write"/> that drills replaces with each marker.</summary>
    public const string MarkerPlaceholder = "{marker}";

    /// <summary>50 ms: one write is one exec into the container; faster than that the writes measure Docker, not the system.</summary>
    public static TimeSpan MinInterval { get; } = TimeSpan.FromMilliseconds(50);

    /// <summary>1 h: a slower canary cannot tell a loss window from its own gaps.</summary>
    public static TimeSpan MaxInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>The write command for one marker.</summary>
    public IReadOnlyList<string> WriteFor(string marker) =>
        [.. Write.Select(word => word.Replace(MarkerPlaceholder, marker, StringComparison.Ordinal))];
}
