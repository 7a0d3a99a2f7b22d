namespace Drills.Scenarios.RunRecords;

/// <summary>
/// One check or verify item as observed, with the raw thing that was seen. Identical consecutive
/// observations of the same check are folded: <see cref="Repeats"/> polls from <see cref="At"/> to
/// <see cref="LastAt"/>, so a day-long drill polled every second stays a small record.
/// </summary>
internal sealed record CheckObservation(
    string Phase,
    string Check,
    bool Passed,
    TimeSpan At,
    string Observation,
    int Repeats = 1,
    TimeSpan? LastAt = null);
