using System.Text;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Logging;

/// <summary>
/// Stands before stdout and stderr: whatever the CLI prints (tables, JSON, errors) passes through
/// <see cref="Secrets"/> first. Text is held until a line ends or the writer is flushed, so a secret
/// written in pieces is still masked whole.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
        {
            Emit();
        }
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (value is not null && value.Contains('\n', StringComparison.Ordinal))
        {
            Emit();
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        _pending.Append(value).Append(CoreNewLine);
        Emit();
    }

    public override void Flush()
    {
        Emit();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void Emit()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        inner.Write(Secrets.Redact(_pending.ToString()));
        _pending.Clear();
        inner.Flush();
    }
}
