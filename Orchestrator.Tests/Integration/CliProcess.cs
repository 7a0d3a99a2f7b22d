using System.Diagnostics;

namespace Drills.Orchestrator.Tests.Integration;

/// <summary>Runs the built drills CLI as its own process, the way a user or a scheduler does.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var running = Start(args);
        return await running.WaitAsync();
    }

    /// <summary>Runs drills with extra environment variables, such as a user's locale.</summary>
    public static async Task<Result> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var running = Start(environment, args);
        return await running.WaitAsync();
    }

    /// <summary>Starts drills and returns at once, for tests that act while it runs (such as confirming a manual step).</summary>
    public static Running Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts drills with extra environment variables and returns at once.</summary>
    public static Running Start(IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drills.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new Running(Process.Start(start) ?? throw new InvalidOperationException("could not start drills"));
    }

    public sealed class Running : IDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        public Running(Process process)
        {
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
        }

        /// <summary>The process's peak resident memory so far (VmHWM), or null once it has exited.</summary>
        public long? PeakResidentBytes()
        {
            try
            {
                var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
                return line is null ? null : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
            catch (IOException)
            {
                return null;
            }
        }

        public bool HasExited => _process.HasExited;

        public async Task<Result> WaitAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            await _process.WaitForExitAsync(timeout.Token);
            return new Result(_process.ExitCode, await _stdout, await _stderr);
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }
    }
}
