using Drills.Bench.Measuring;

namespace Drills.Bench.Overhead;

/// <summary>
/// A live process's CPU seconds sampled every 10 ms (the kernel counts in 10 ms ticks), so each stretch of its run can
/// be charged the CPU it used. Started when the process starts, stopped once it has exited.
/// </summary>
internal sealed class CpuTrace : IDisposable
{
    private readonly List<(DateTimeOffset At, double Seconds)> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _sampling = Task.CompletedTask;

    public void Watch(int pid) => _sampling = Task.Run(() => SampleAsync(pid, _stop.Token), CancellationToken.None);

    /// <param name="end">When the process exited.</param>
    /// <param name="total">Its whole CPU, measured as it was reaped: what the last stretch is charged up to.</param>
    public async Task<CpuSamples> StopAsync(DateTimeOffset end, double total)
    {
        await _stop.CancelAsync();
        await _sampling;
        lock (_samples)
        {
            return new CpuSamples([.. _samples], end, total);
        }
    }

    public void Dispose() => _stop.Dispose();

    private async Task SampleAsync(int pid, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            do
            {
                var seconds = ProcFs.CpuSeconds(pid);
                if (double.IsNaN(seconds))
                {
                    return;
                }

                lock (_samples)
                {
                    // The bench is the independent observer: it dates samples on its own clock.
                    _samples.Add((DateTimeOffset.UtcNow, seconds));
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>The CPU a process had used by each instant of its run.</summary>
internal sealed record CpuSamples(IReadOnlyList<(DateTimeOffset At, double Seconds)> Samples, DateTimeOffset End, double Total)
{
    public static CpuSamples None { get; } = new([], DateTimeOffset.MinValue, double.NaN);

    public double Between(DateTimeOffset from, DateTimeOffset to) => At(to) - At(from);

    private double At(DateTimeOffset instant)
    {
        var last = Samples.LastOrDefault(s => s.At <= instant).Seconds;
        return instant >= End ? Math.Max(Total, Samples.Count == 0 ? 0 : Samples[^1].Seconds) : last;
    }
}
