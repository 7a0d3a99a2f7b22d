namespace Drills.Scenarios.Text;

/// <summary>Where a value was written, so every error can point the author at it.</summary>
internal readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new("", 0, 0);

    /// <summary><c>file:line:column</c>, or just the file when the problem has no position (a missing file).</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
