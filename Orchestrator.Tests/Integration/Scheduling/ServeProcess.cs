using System.Diagnostics;
using System.Text;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary>
/// <c>drills serve</c> as its own process, as an operator or systemd runs it: its log is collected as it
/// comes, and it can be stopped gracefully (SIGTERM) or killed outright (SIGKILL, like a power loss).
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly Lock _gate = new();

    private ServeProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static ServeProcess Start(string dataDir, string file, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drills.dll"));
        foreach (var arg in (string[])["serve", "--file", file, "--data-dir", dataDir, .. extra])
        {
            start.ArgumentList.Add(arg);
        }

        return new ServeProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start drills serve"));
    }

    public string Log
    {
        get
        {
            lock (_gate)
            {
                return _log.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until the log contains <paramref name="text"/> <paramref name="times"/> times; fails with the log when it does not.</summary>
    public async Task WaitForAsync(string text, TimeSpan within, int times = 1)
    {
        var deadline = DateTime.UtcNow + within;
        while (Count(text) < times)
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                Assert.Fail($"drills serve did not log '{text}' {times} time(s) within {within} (exited: {_process.HasExited}). Log:\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    public int Count(string text)
    {
        var log = Log;
        var count = 0;
        for (var i = log.IndexOf(text, StringComparison.Ordinal); i >= 0; i = log.IndexOf(text, i + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>SIGTERM, as systemd or docker stop sends, then waits for the process to exit.</summary>
    public async Task<int> StopAsync(TimeSpan within)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as in a crash or a power loss.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.AppendLine(line);
        }
    }
}
