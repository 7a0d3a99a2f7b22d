using System.Diagnostics;
using Drills.Bench.Measuring;

namespace Drills.Bench.Sections.Honesty;

/// <summary>
/// The stopwatch program (bench/Stopwatch) running beside a drill as its own process: its transitions are collected
/// as it prints them, and closing its stdin ends it.
/// </summary>
internal sealed class StopwatchProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<Transition> _seen = [];
    private readonly Lock _gate = new();
    private readonly Task _reading;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private StopwatchProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadAsync);
    }

    public static StopwatchProcess Start(string dll, Uri url)
    {
        var info = ChildProcess.Info("dotnet", [dll, url.ToString()], null, null);
        info.RedirectStandardInput = true;
        var process = Process.Start(info) ?? throw new InvalidOperationException("the stopwatch did not start");
        return new StopwatchProcess(process);
    }

    public IReadOnlyList<Transition> Transitions
    {
        get
        {
            lock (_gate)
            {
                return _seen.ToArray();
            }
        }
    }

    /// <summary>Waits until the stopwatch has seen the service up at least once (a container boots with its delay too).</summary>
    public async Task WaitUpAsync(TimeSpan within, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_seen.Any(t => t.Up))
                {
                    return;
                }

                changed = _changed.Task;
            }

            if (_reading.IsCompleted)
            {
                throw new InvalidOperationException($"the stopwatch exited {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(cancellationToken)}");
            }

            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"the service was not up within {within.TotalSeconds:0} s");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        await _reading;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _seen.Add(Transition.Parse(line));
                _changed.TrySetResult();
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        lock (_gate)
        {
            _changed.TrySetResult();
        }
    }
}
