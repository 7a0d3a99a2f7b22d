using System.Globalization;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Lists a target's processes from <c>/proc</c> with nothing but sh and coreutils (the sample images have no ps),
/// and picks those a run marked, with every process they started.
/// </summary>
internal static class TargetProcesses
{
    /// <summary>One line per process: pid, parent pid, then its arguments separated by the unit separator (0x1f).</summary>
    public static IReadOnlyList<string> ListCommand { get; } =
    [
        "sh", "-c",
        "for p in /proc/[0-9]*; do pp=; " +
        "while read -r k v _; do if [ \"$k\" = PPid: ]; then pp=$v; break; fi; done 2>/dev/null < \"$p/status\" || continue; " +
        "c=$(tr '\\000' '\\037' 2>/dev/null < \"$p/cmdline\") || continue; " +
        "[ -n \"$c\" ] && printf '%s %s %s\\n' \"${p#/proc/}\" \"$pp\" \"$c\"; done; true",
    ];

    public static async Task<IReadOnlyList<MarkedProcess>> ListAsync(IContainerRuntime runtime, string containerId, CancellationToken cancellationToken)
    {
        var result = await runtime.ExecAsync(containerId, ListCommand, cancellationToken);
        if (!result.Succeeded)
        {
            throw new StepFailedException($"could not list the target's processes (exit {result.ExitCode}): {result.Stderr.Trim()}",
                "the target needs sh, tr and a /proc file system, as every Debian or busybox image has");
        }

        return Parse(result.Stdout);
    }

    public static IReadOnlyList<MarkedProcess> Parse(string listing)
    {
        var processes = new List<MarkedProcess>();
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                processes.Add(new MarkedProcess(pid, parent, parts[2].TrimEnd('\x1f').Split('\x1f')));
            }
        }

        return processes;
    }

    /// <summary>The processes with <paramref name="marker"/> as one whole argument, and all their descendants.</summary>
    public static IReadOnlyList<MarkedProcess> Marked(IReadOnlyList<MarkedProcess> processes, string marker)
    {
        var chosen = processes.Where(p => p.Arguments.Contains(marker, StringComparer.Ordinal)).Select(p => p.Pid).ToHashSet();
        // Children first listed before their parent was chosen are caught on a later pass.
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var process in processes.Where(p => !chosen.Contains(p.Pid) && chosen.Contains(p.ParentPid)))
            {
                grew |= chosen.Add(process.Pid);
            }
        }

        return processes.Where(p => chosen.Contains(p.Pid)).ToList();
    }
}
