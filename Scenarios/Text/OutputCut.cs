using System.Globalization;

namespace Drills.Scenarios.Text;

/// <summary>
/// Output a target wrote (command output, HTTP bodies) is kept up to <see cref="MaxKeptBytes"/> and the
/// rest drained unread, so a container printing gigabytes cannot fill the orchestrator's memory. Wherever
/// such output is shown, <see cref="Note"/> says it was cut; reports recognise <see cref="Marker"/>.
/// </summary>
internal static class OutputCut
{
    /// <summary>Per stream: 1 MiB of stdout, 1 MiB of stderr, 1 MiB of an HTTP body.</summary>
    public const int MaxKeptBytes = 1024 * 1024;

    public const string Marker = "[cut after ";

    /// <summary>"[cut after 1 MiB of 95.4 MiB]", to append to what was shown; without a known total, "[cut after 1 MiB]".</summary>
    public static string Note(long keptBytes, long? totalBytes) => totalBytes is { } total
        ? string.Create(CultureInfo.InvariantCulture, $"{Marker}{Size(keptBytes)} of {Size(total)}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Marker}{Size(keptBytes)}]");

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024:0.#} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
