using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Support;

/// <summary>
/// A fake clock that counts timer activity, so a test can advance simulated time only while the
/// drill is idle (waiting on a timer) instead of racing it: real milliseconds spent working must
/// never turn into simulated hours.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    private int _version;

    public SteppingTimeProvider(DateTimeOffset start) : base(start)
    {
    }

    /// <summary>Changes whenever a timer is created, fires or is disposed.</summary>
    public int Version => Volatile.Read(ref _version);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _version);
        var inner = base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref _version);
                callback(s);
            },
            state,
            dueTime,
            period);
        return new Tracked(inner, this);
    }

    private sealed class Tracked(ITimer inner, SteppingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref owner._version);
            return inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Interlocked.Increment(ref owner._version);
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref owner._version);
            return inner.DisposeAsync();
        }
    }
}
