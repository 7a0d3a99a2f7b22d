using Drills.Scenarios.RunRecords;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Drill;

/// <summary>
/// Appends timestamped events for one run. Each event is handed to the sink as it happens so a crash
/// loses nothing already written, and to the progress observer so the terminal shows it live.
/// </summary>
internal sealed class DrillJournal
{
    private readonly DrillClock _clock;
    private readonly IJournalSink _sink;
    private readonly IProgress<JournalEvent>? _progress;
    private readonly List<JournalEvent> _events = [];
    private readonly Lock _gate = new();

    public DrillJournal(DrillClock clock, IJournalSink sink, IProgress<JournalEvent>? progress, IEnumerable<JournalEvent>? earlier = null)
    {
        _clock = clock;
        _sink = sink;
        _progress = progress;
        // A recovered run's journal continues where the crashed process left it, numbering included.
        _events.AddRange(earlier ?? []);
    }

    public IReadOnlyList<JournalEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The first error the sink raised; the in-memory journal is complete even then.</summary>
    public Exception? SinkFailure { get; private set; }

    public JournalEvent Record(JournalMark mark, string message, string? detail = null) =>
        RecordAt(mark, _clock.Elapsed, message, detail);

    /// <summary>Records an event at the moment it was observed (when a probe's answer came), not when it is written.</summary>
    public JournalEvent RecordAt(JournalMark mark, TimeSpan elapsed, string message, string? detail = null)
    {
        JournalEvent entry;
        lock (_gate)
        {
            // Masked once here, so the store, the progress printer and the report all get the masked text.
            entry = new JournalEvent(_events.Count + 1, mark, _clock.UtcAt(elapsed), elapsed, Secrets.Redact(message), Secrets.RedactOrNull(detail));
            _events.Add(entry);
            try
            {
                _sink.Append(entry);
            }
            catch (Exception ex)
            {
                // The drill must go on (and roll back) even if the disk fails; the run says so afterwards.
                SinkFailure ??= ex;
            }
        }

        _progress?.Report(entry);
        return entry;
    }

    public TimeSpan? FirstElapsed(JournalMark mark)
    {
        lock (_gate)
        {
            return _events.FirstOrDefault(e => e.Mark == mark)?.Elapsed;
        }
    }
}

/// <summary>Where journal events are persisted as they happen.</summary>
internal interface IJournalSink
{
    void Append(JournalEvent entry);
}
