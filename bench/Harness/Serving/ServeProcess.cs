using System.Diagnostics;
using System.Text.RegularExpressions;
using Drills.Bench.Measuring;

namespace Drills.Bench.Serving;

/// <summary>
/// One <c>drills serve</c> watched from outside: every line it prints with the harness's time of arrival, its peak
/// memory sampled while it runs, its CPU read before it is stopped, and a graceful stop (SIGTERM, then wait) that is
/// never skipped: disposing kills whatever did not stop.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _sampling = new();
    private readonly Task _sampler;
    private long _peakRssKiB;

    private ServeProcess(Process process, Stopwatch clock)
    {
        (_process, _clock) = (process, clock);
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _sampler = Task.Run(SampleAsync, CancellationToken.None);
    }

    public int Id => _process.Id;

    /// <summary>The wall-clock instant just before the process started, to compare with the times in its log.</summary>
    public DateTimeOffset StartedUtc { get; private init; }

    /// <summary>The highest VmHWM seen while the process ran.</summary>
    public long PeakRssKiB => Interlocked.Read(ref _peakRssKiB);

    /// <summary>Starts <c>drills serve --file F</c> on its own data directory; the clock starts just before the process does.</summary>
    public static ServeProcess Start(BenchContext context, string catalogue, string dataDir, params string[] extra)
    {
        var env = new Dictionary<string, string> { ["DRILLS_DATA_DIR"] = dataDir, ["NO_COLOR"] = "1" };
        var info = ChildProcess.Info("dotnet", [context.DrillsDll, "serve", "--file", catalogue, .. extra], env, context.Root);
        var startedUtc = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("drills serve did not start");
        return new ServeProcess(process, clock) { StartedUtc = startedUtc };
    }

    /// <summary>Waits until <paramref name="text"/> has been printed <paramref name="times"/> times; returns when the last one arrived, from the start.</summary>
    public Task<TimeSpan> WaitForAsync(string text, TimeSpan within, CancellationToken cancellationToken, int times = 1) =>
        WaitForAsync(new Regex(Regex.Escape(text), RegexOptions.CultureInvariant), within, cancellationToken, times);

    /// <summary>Waits until <paramref name="times"/> lines match <paramref name="pattern"/>; returns when the last one arrived, from the start.</summary>
    public async Task<TimeSpan> WaitForAsync(Regex pattern, TimeSpan within, CancellationToken cancellationToken, int times = 1)
    {
        var deadline = _clock.Elapsed + within;
        while (true)
        {
            if (Arrivals(pattern) is { Count: var count } arrivals && count >= times)
            {
                return arrivals[times - 1];
            }

            if (_clock.Elapsed > deadline || _process.HasExited)
            {
                throw new InvalidOperationException(
                    $"drills serve printed '{pattern}' {Arrivals(pattern).Count} of {times} time(s) within {within.TotalSeconds:0} s (exited: {_process.HasExited}); its last lines:\n{Tail()}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>When each line matching <paramref name="pattern"/> arrived, from the start.</summary>
    public List<TimeSpan> Arrivals(Regex pattern)
    {
        lock (_gate)
        {
            return _lines.Where(l => pattern.IsMatch(l.Line)).Select(l => l.At).ToList();
        }
    }

    /// <summary>CPU seconds so far (user + system), read while it still runs.</summary>
    public double CpuSeconds() => ProcFs.CpuSeconds(_process.Id);

    public long RssKiB() => ProcFs.RssKiB(_process.Id);

    /// <summary>SIGTERM as systemd sends, then waits: running drills roll back first. Returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _sampling.CancelAsync();
        await _sampler;
        _sampling.Dispose();
        _process.Dispose();
    }

    private string Tail()
    {
        lock (_gate)
        {
            return string.Join('\n', _lines.TakeLast(15).Select(l => l.Line.Length > 300 ? l.Line[..300] + "…" : l.Line));
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Add((_clock.Elapsed, line));
        }
    }

    private async Task SampleAsync()
    {
        while (!_sampling.IsCancellationRequested)
        {
            var peak = ProcFs.PeakRssKiB(_process.Id);
            if (peak > Interlocked.Read(ref _peakRssKiB))
            {
                Interlocked.Exchange(ref _peakRssKiB, peak);
            }

            try
            {
                await Task.Delay(50, _sampling.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
