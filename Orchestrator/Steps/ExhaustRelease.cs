using System.Globalization;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Ends what a run left running inside a target: kills every process marked <c>drills-run-&lt;run id&gt;</c> and
/// everything they started, then deletes <c>/tmp/drills-run-&lt;run id&gt;/</c>. Idempotent, so the drill's end,
/// a rollback, crash recovery and a cleanup scan may all call it.
/// </summary>
internal sealed class ExhaustRelease(IContainerRuntime runtime)
{
    /// <summary>A process that survives this many kill passes is reported, not waited on forever.</summary>
    private const int Passes = 3;

    public async Task<ReleasedPressure> ReleaseAsync(string containerId, string runId, CancellationToken cancellationToken)
    {
        var marker = RunMarker.Of(runId);
        var killed = new Dictionary<int, MarkedProcess>();
        IReadOnlyList<MarkedProcess> left = [];
        try
        {
            for (var pass = 0; pass < Passes; pass++)
            {
                left = TargetProcesses.Marked(await TargetProcesses.ListAsync(runtime, containerId, cancellationToken), marker);
                if (left.Count == 0)
                {
                    break;
                }

                // dash's own kill: the sample images have no procps. A process gone meanwhile is no failure.
                var pids = left.Select(p => p.Pid.ToString(CultureInfo.InvariantCulture));
                await runtime.ExecAsync(containerId, ["sh", "-c", "kill -9 \"$@\" 2>/dev/null; true", "drills-release", .. pids], cancellationToken);
                foreach (var process in left)
                {
                    killed.TryAdd(process.Pid, process);
                }
            }

            if (left.Count > 0)
            {
                left = TargetProcesses.Marked(await TargetProcesses.ListAsync(runtime, containerId, cancellationToken), marker);
            }

            var folder = RunMarker.TempFolder(runId);
            var removed = await runtime.ExecAsync(containerId,
                ["sh", "-c", "if [ -e \"$1\" ]; then rm -rf -- \"$1\" && echo removed; fi", "drills-release", folder], cancellationToken);
            return new ReleasedPressure([.. killed.Values.Where(k => left.All(l => l.Pid != k.Pid))], left, removed.Stdout.Contains("removed", StringComparison.Ordinal), Running: true);
        }
        catch (DockerOperationException)
        {
            // Not running: its processes ended with it; files in its layer stay until it runs again.
            return new ReleasedPressure([], [], FolderRemoved: false, Running: false);
        }
    }
}

/// <summary>What a release did: the marked processes it killed, any it could not, and whether the marked folder was deleted.</summary>
internal sealed record ReleasedPressure(IReadOnlyList<MarkedProcess> Killed, IReadOnlyList<MarkedProcess> Survivors, bool FolderRemoved, bool Running)
{
    public bool Clean => Survivors.Count == 0;

    public string Describe()
    {
        if (!Running)
        {
            return "container not running: every process it ran has ended";
        }

        var killed = Killed.Count == 0 ? "no marked process was running" : $"killed {Killed.Count} marked process(es)";
        var survivors = Survivors.Count == 0 ? "" : $"; {Survivors.Count} still running: {string.Join(", ", Survivors.Select(s => s.Pid))}";
        return killed + survivors + (FolderRemoved ? "; marked temporary files deleted" : "");
    }
}
