namespace Drills.Reports.AfterAction;

/// <summary>A phrase in Vietnamese first and English second, as the report prints every label.</summary>
internal readonly record struct Bilingual(string Vi, string En)
{
    /// <summary>A value that reads the same in both languages: an id, a figure, a command.</summary>
    public static Bilingual Same(string text) => new(text, text);

    public override string ToString() => Vi == En ? Vi : $"{Vi} / {En}";
}
