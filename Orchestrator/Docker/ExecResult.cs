using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Docker;

/// <summary>
/// What a command run inside a container returned. Each stream keeps at most
/// <see cref="OutputCut.MaxKeptBytes"/>; <see cref="StdoutBytes"/> and <see cref="StderrBytes"/> count all
/// the command wrote, so a cut is known (and said) wherever the output is shown.
/// </summary>
internal sealed record ExecResult(long ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Bytes written to stdout, kept or not; the length of what was kept when not given.</summary>
    public long StdoutBytes
    {
        get => _stdoutBytes ?? System.Text.Encoding.UTF8.GetByteCount(Stdout);
        init => _stdoutBytes = value;
    }

    public long StderrBytes
    {
        get => _stderrBytes ?? System.Text.Encoding.UTF8.GetByteCount(Stderr);
        init => _stderrBytes = value;
    }

    // Given by the runtime, which counted the whole streams; counted from the text only for results built by hand.
    private readonly long? _stdoutBytes;
    private readonly long? _stderrBytes;

    public bool Truncated => StdoutBytes > OutputCut.MaxKeptBytes || StderrBytes > OutputCut.MaxKeptBytes;

    /// <summary>" [cut after 1 MiB of 95.4 MiB]" when either stream was cut, else empty.</summary>
    public string CutNote => Truncated
        ? " " + OutputCut.Note(Math.Min(StdoutBytes, OutputCut.MaxKeptBytes) + Math.Min(StderrBytes, OutputCut.MaxKeptBytes), StdoutBytes + StderrBytes)
        : "";

    /// <summary>Stdout then stderr, trimmed and cut to 200 characters, with the note when the streams were cut: what a journal line or an error quotes.</summary>
    public string ShortOutput()
    {
        var output = (Stdout + Stderr).Trim();
        return (output.Length > 200 ? output[..197] + "..." : output) + CutNote;
    }
}
