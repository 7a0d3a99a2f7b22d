using System.Diagnostics;

namespace Drills.Bench.Measuring;

/// <summary>One finished process: how long it took, the CPU it used, its peak memory and what it printed.</summary>
internal sealed record ProcessResult(int ExitCode, TimeSpan Wall, double CpuSeconds, long PeakRssKiB, string Stdout, string Stderr)
{
    public ProcessResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}: {Tail(Stderr)}{Tail(Stdout)}");

    private static string Tail(string text) => text.Length > 2000 ? text[^2000..] : text;
}

/// <summary>
/// Runs a program to its end and measures it from outside. Wall time is the harness's own stopwatch (the
/// benchmark is the independent observer, so it may read one); CPU is the growth of this process's reaped-children
/// time, so it counts what the program waited for too (docker, curl) and is exact when measured processes run one
/// at a time; peak memory is the child's VmHWM, sampled until it exits.
/// </summary>
internal static class ChildProcess
{
    /// <param name="started">Told the process id once it runs, for a section that watches the live process too.</param>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, Action<int>? started = null)
    {
        using var process = new Process { StartInfo = Info(file, args, environment, workingDirectory) };
        var cpuBefore = ProcFs.ReapedChildrenCpuSeconds();
        var clock = Stopwatch.StartNew();
        process.Start();
        started?.Invoke(process.Id);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcFs.PeakRssKiB(process.Id));
                try
                {
                    await Task.Delay(10, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }, CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var wall = clock.Elapsed;
        await sampling.CancelAsync();
        await sampler;
        return new ProcessResult(process.ExitCode, wall, ProcFs.ReapedChildrenCpuSeconds() - cpuBefore, peak, await stdout, await stderr);
    }

    public static ProcessStartInfo Info(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
