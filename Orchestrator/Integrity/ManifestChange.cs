namespace Drills.Orchestrator.Integrity;

/// <summary>A path present at baseline and now, whose entry differs, with what differs ("mode 0644 → 0600", "content").</summary>
internal readonly record struct ManifestChange(string Path, string Difference)
{
    public override string ToString() => $"{Path} ({Difference})";
}
