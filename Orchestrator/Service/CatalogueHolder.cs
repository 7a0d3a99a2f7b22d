using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Service;

/// <summary>The catalogue the service schedules from: replaced whole by a good reload, never by a bad one.</summary>
internal sealed class CatalogueHolder(DrillCatalogue initial, string? file)
{
    private DrillCatalogue _current = initial;

    /// <summary>The file being watched; null when the service runs the embedded sample.</summary>
    public string? File { get; } = file;

    public DrillCatalogue Current => Volatile.Read(ref _current);

    /// <summary>When the running catalogue was last applied, so "unchanged" can say an edit was already picked up.</summary>
    public DateTimeOffset? AppliedAtUtc { get; private set; }

    public void Replace(DrillCatalogue catalogue, DateTimeOffset appliedAtUtc)
    {
        Volatile.Write(ref _current, catalogue);
        AppliedAtUtc = appliedAtUtc;
    }
}
