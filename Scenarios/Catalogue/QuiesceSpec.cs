using Drills.Scenarios.Text;

namespace Drills.Scenarios.Catalogue;

/// <summary>
/// Commands run inside a system's container around its baseline snapshot. Without them the snapshot is
/// a file copy of live data, which for a system that is writing (a database) is not guaranteed consistent:
/// <see cref="Before"/> brings the data to rest (stops or flushes the writer), <see cref="After"/> resumes it.
/// </summary>
/// <param name="Timeout">How long each command may take; a command still running then is a failure.</param>
internal sealed record QuiesceSpec(IReadOnlyList<string> Before, IReadOnlyList<string> After, TimeSpan Timeout, SourceLocation Location)
{
    /// <summary>60 s: long enough for a database to checkpoint and shut down cleanly, short enough that a hung command is noticed.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);
}
