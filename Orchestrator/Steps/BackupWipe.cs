using System.Globalization;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Scenarios.Catalogue;
using static System.FormattableString;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// T1490, inhibit system recovery: destroys every backup copy the target itself can reach, which is everything
/// under the system's backup <c>share</c>, from inside the container as an attacker on it would. The offline copy
/// drills keeps is out of its reach, which is the point the drill proves.
/// </summary>
internal sealed class BackupWipe(IContainerRuntime runtime)
{
    public const string NothingReachable = "no backup copy reachable from the target";

    public async Task<string> DeleteAsync(string containerId, SystemDefinition system, CancellationToken cancellationToken)
    {
        if (system.Backup?.Share is not { } share)
        {
            return $"{NothingReachable}: system '{system.Id}' keeps no backup on a share the container mounts, so nothing was removed";
        }

        var listed = await runtime.ExecAsync(containerId,
            ["sh", "-c", "[ -d \"$1\" ] || exit 0; find \"$1\" -mindepth 1 -type f -printf '%s\\n'", "drills-count", share], cancellationToken);
        var sizes = listed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 0)
            .ToList();
        var cleared = await runtime.ExecAsync(containerId, DataPaths.ClearCommand(share), cancellationToken);
        if (!cleared.Succeeded)
        {
            throw new StepFailedException($"could not delete the backups under {share} (exit {cleared.ExitCode}): {cleared.Stderr.Trim()}",
                "check that the container can run rm on its backup share");
        }

        return sizes.Count == 0
            ? $"{share} held no backup file: nothing to remove"
            : Invariant($"deleted {sizes.Count} file(s), {sizes.Sum() / 1024.0:0.#} KiB under {share}: every backup copy the target could reach");
    }
}
