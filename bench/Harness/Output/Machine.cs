using System.Globalization;
using System.Runtime.InteropServices;
using Drills.Bench.Measuring;

namespace Drills.Bench.Output;

/// <summary>The machine and commit a figure belongs to, as BENCHMARKS.md states above every section.</summary>
internal sealed record Machine(string Cpu, int Cores, string Memory, string Kernel, string Runtime, string Docker, string Commit)
{
    public static async Task<Machine> DescribeAsync(string root, CancellationToken cancellationToken)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKiB = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var memory = string.Create(CultureInfo.InvariantCulture, $"{long.Parse(memKiB, CultureInfo.InvariantCulture) / 1024.0 / 1024.0:0.0} GiB");
        var kernel = (await File.ReadAllTextAsync("/proc/sys/kernel/osrelease", cancellationToken)).Trim();
        var docker = await OutputOfAsync("docker", ["version", "--format", "{{.Server.Version}}"], cancellationToken);
        var commit = await OutputOfAsync("git", ["-C", root, "describe", "--always", "--dirty"], cancellationToken);
        return new Machine(cpu, Environment.ProcessorCount, memory, kernel, RuntimeInformation.FrameworkDescription, docker, commit);
    }

    public string ToMarkdown(string command, DateTimeOffset date) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Cpu}, {Cores} cores, {Memory}, Linux {Kernel}, {Runtime}, Docker Engine {Docker}. Commit `{Commit}`. Command `{command}`. Date {date:yyyy-MM-dd HH:mm} UTC.");

    private static async Task<string> OutputOfAsync(string file, string[] args, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ChildProcess.RunAsync(file, args, cancellationToken);
            return result.ExitCode == 0 ? result.Stdout.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }
}
