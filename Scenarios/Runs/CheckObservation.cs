namespace Drills.Scenarios.Runs;

/// <summary>One evaluation of one check or verify item, with the raw thing that was seen.</summary>
internal sealed record CheckObservation(
    string Phase,
    string Check,
    bool Passed,
    TimeSpan At,
    string Observation);
