namespace Drills.Scenarios.Paths;

/// <summary>Absolute paths inside a target container, compared segment by segment after normalizing.</summary>
/// <remarks>Public: the loader checks paths with it and the orchestrator copies files with it, the same rules on both sides.</remarks>
public static class ContainerPath
{
    /// <summary>The path's segments with empty ones, '.' and '..' resolved: <c>/srv//www/./a/..</c> is [srv, www].</summary>
    public static IReadOnlyList<string> Segments(string absolutePath)
    {
        var segments = new List<string>();
        foreach (var segment in absolutePath.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    /// <summary>The folder holding a path: <c>/srv/www</c> → <c>/srv</c>; a top-level path's parent is <c>/</c>.</summary>
    public static string ParentOf(string absolutePath)
    {
        var trimmed = absolutePath.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed[..slash];
    }

    public static string Normalize(string absolutePath) => "/" + string.Join('/', Segments(absolutePath));

    /// <summary>The whole file system of the container, however it is written (<c>/</c>, <c>//</c>, <c>/srv/..</c>).</summary>
    public static bool IsRoot(string absolutePath) => Segments(absolutePath).Count == 0;

    /// <summary>True when <paramref name="path"/> equals <paramref name="folder"/> or lies under it: /srv/www2 is not under /srv/www.</summary>
    public static bool IsAtOrUnder(string path, string folder)
    {
        var inner = Segments(path);
        var outer = Segments(folder);
        return inner.Count >= outer.Count && outer.Select((segment, i) => segment == inner[i]).All(same => same);
    }
}
