namespace Drills.Bench.Store;

/// <summary>The sqlite3 command-line shell, when installed: the floor a listing of stored runs is compared with.</summary>
internal static class SqliteCli
{
    /// <summary>Its full path on PATH, or null when it is not installed.</summary>
    public static string? Path() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(folder => System.IO.Path.Combine(folder, "sqlite3"))
        .FirstOrDefault(File.Exists);
}
