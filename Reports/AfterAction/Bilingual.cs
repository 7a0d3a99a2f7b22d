namespace Drills.Reports.AfterAction;

/// <summary>A phrase in Vietnamese first and English second, as the report prints every label.</summary>
internal readonly record struct Bilingual(string Vi, string En)
{
    public override string ToString() => $"{Vi} / {En}";
}
