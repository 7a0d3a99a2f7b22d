namespace Drills.Scenarios.Catalogue;

/// <summary>Where a value was written, so every error can point the author at it.</summary>
internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new("", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
