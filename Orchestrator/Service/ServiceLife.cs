using System.Diagnostics;

namespace Drills.Orchestrator.Service;

/// <summary>
/// The phases of one <c>drills serve</c> process on the service's clock, so a fire that did not run can say
/// when it came due: while the service was down, starting, running or stopping. A fire is owed from the
/// moment the process started, not from the later moment it read its catalogue.
/// </summary>
internal sealed class ServiceLife
{
    private readonly TimeProvider _time;
    private long _readyTicks = long.MaxValue;
    private long _stoppingTicks = long.MaxValue;

    public ServiceLife(TimeProvider time)
    {
        _time = time;
        // The process's age, not a second clock: start-up (runtime, catalogue, Docker, job store) can take seconds under load.
        using var process = Process.GetCurrentProcess();
        var age = DateTime.Now - process.StartTime;
        StartedUtc = time.GetUtcNow() - (age > TimeSpan.Zero ? age : TimeSpan.Zero);
    }

    /// <summary>When this process started: a fire due before it was missed while the service was down.</summary>
    public DateTimeOffset StartedUtc { get; }

    /// <summary>True once stopping began: from then on no drill starts, and a missed fire is recorded instead.</summary>
    public bool IsStopping => Interlocked.Read(ref _stoppingTicks) != long.MaxValue;

    /// <summary>The scheduler is firing: start-up is over.</summary>
    public void Ready() => Interlocked.CompareExchange(ref _readyTicks, _time.GetUtcNow().UtcTicks, long.MaxValue);

    /// <summary>A stop was asked for.</summary>
    public void Stopping() => Interlocked.CompareExchange(ref _stoppingTicks, _time.GetUtcNow().UtcTicks, long.MaxValue);

    /// <summary>Says, for a reason text, in which phase of the service a fire came due.</summary>
    public string PhaseOf(DateTimeOffset dueUtc)
    {
        if (dueUtc < StartedUtc)
        {
            return "missed while the service was down";
        }

        if (dueUtc.UtcTicks >= Interlocked.Read(ref _stoppingTicks))
        {
            return "due while the service was stopping";
        }

        return dueUtc.UtcTicks < Interlocked.Read(ref _readyTicks)
            ? "due while the service was starting"
            : "not fired in time while the service ran (it was overloaded or its clock jumped)";
    }
}
