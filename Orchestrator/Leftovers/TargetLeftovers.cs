using Drills.Orchestrator.Docker;
using static System.FormattableString;

namespace Drills.Orchestrator.Leftovers;

/// <summary>
/// What a run left inside its target: processes whose argv carries the run's mark and the run's temp folder.
/// The sample images have sh and coreutils but no ps or pkill, so both are found through <c>/proc</c>.
/// </summary>
internal sealed class TargetLeftovers(IContainerRuntime runtime)
{
    // The mark is assembled inside the script from the run id argument, so the scanning shell's own argv never holds it.
    private const string ScanScript =
        "m=\"drills-run-$1\"; " +
        "for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = \"$$\" ] && continue; " +
        "c=$(tr '\\000' ' ' < \"$d/cmdline\" 2>/dev/null) || continue; " +
        "case \"$c\" in *\"$m\"*) echo \"P $p $c\";; esac; done; " +
        "[ -d \"/tmp/$m\" ] && echo \"D /tmp/$m/\"; exit 0";

    private const string ReleaseScript =
        "r=$1; shift; [ $# -gt 0 ] && kill -9 \"$@\" 2>/dev/null; rm -rf -- \"/tmp/drills-run-$r\"; exit 0";

    /// <summary>One marked process or the temp folder, as the scan saw it.</summary>
    public sealed record Item(string Description, int? ProcessId);

    public async Task<IReadOnlyList<Item>> ScanAsync(ContainerInfo target, string runId, CancellationToken cancellationToken)
    {
        var result = await runtime.ExecAsync(target.Id, ["sh", "-c", ScanScript, "drills-scan", runId], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new DockerOperationException(Invariant($"the scan for the run's processes in {target.Name} exited {result.ExitCode}: {result.ShortOutput()}"),
                "check that the container has sh and /proc");
        }

        var items = new List<Item>();
        foreach (var line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("P ", StringComparison.Ordinal) && line[2..].Split(' ', 2) is [var pid, var command]
                && int.TryParse(pid, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                items.Add(new Item($"process {id} ({Shorten(command.Trim())}) in {target.Name}", id));
            }
            else if (line.StartsWith("D ", StringComparison.Ordinal))
            {
                items.Add(new Item($"temp folder {line[2..]} in {target.Name}", null));
            }
        }

        return items;
    }

    /// <summary>Kills the processes (SIGKILL; never the container's main process) and deletes the run's temp folder.</summary>
    public async Task ReleaseAsync(ContainerInfo target, string runId, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        var pids = items.Where(i => i.ProcessId is > 1).Select(i => i.ProcessId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await runtime.ExecAsync(target.Id, ["sh", "-c", ReleaseScript, "drills-release", runId, .. pids], cancellationToken);
    }

    private static string Shorten(string command) => command.Length <= 100 ? command : command[..97] + "...";
}
