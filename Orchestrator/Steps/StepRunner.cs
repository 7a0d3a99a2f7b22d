using System.Formats.Tar;
using System.Text;
using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Paths;
using Drills.Scenarios.Steps;
using static System.FormattableString;

namespace Drills.Orchestrator.Steps;

/// <summary>
/// Performs attack and restore steps. Every step acts on the vetted target through the container
/// runtime; none runs anything on the orchestrator's host. Returns what was observed.
/// </summary>
internal sealed class StepRunner
{
    private readonly IContainerRuntime _runtime;
    private readonly TargetGuard _guard;
    private readonly DataPaths _data;
    private readonly Ransomware _ransomware;
    private readonly AgencyRestore _restore;
    private readonly SnapshotStore _snapshots;
    private readonly NetworkCut _networks;
    private readonly Exhaust _exhaust;
    private readonly ConfigCorruption _configs;
    private readonly BackupWipe _backups;

    public StepRunner(IContainerRuntime runtime, TargetGuard guard, DataPaths data, SnapshotStore snapshots, IAgencyBackups? backups = null)
    {
        _runtime = runtime;
        _guard = guard;
        _data = data;
        _snapshots = snapshots;
        _ransomware = new Ransomware(runtime);
        _restore = new AgencyRestore(runtime, data, backups ?? NoAgencyBackups.Instance);
        _networks = new NetworkCut(runtime);
        _exhaust = new Exhaust(runtime);
        _configs = new ConfigCorruption(runtime);
        _backups = new BackupWipe(runtime);
    }

    public async Task<string> RunAsync(StepDefinition step, StepContext context, CancellationToken cancellationToken)
    {
        var id = context.Target.ContainerId;
        switch (step)
        {
            case KillStep kill:
                await _runtime.KillAsync(id, kill.Signal, cancellationToken);
                return $"sent {kill.Signal}";
            case StopStep stop:
                await _runtime.StopAsync(id, stop.Timeout, cancellationToken);
                return "stopped";
            case PauseStep:
                await _runtime.PauseAsync(id, cancellationToken);
                return "paused";
            case RemoveStep:
                await _runtime.RemoveAsync(id, cancellationToken);
                return "container removed";
            case EncryptFilesStep encrypt:
                return await _ransomware.EncryptAsync(id, encrypt, cancellationToken);
            case DeleteFilesStep delete:
                return await WipeAsync(id, delete, cancellationToken);
            case DefaceStep deface:
                return await DefaceAsync(id, deface, cancellationToken);
            case ExecStep exec:
                return await ExecAsync(id, exec, context.Run.RunId, cancellationToken);
            case DisconnectNetworkStep cut:
                // Only a network labelled for the system: a cut of any other could never be undone (reconnecting refuses it).
                if (await new NetworkGuard(_runtime).InspectAsync(context.Target.System.Id, NetworkOf(cut.Network, context), cancellationToken) is null)
                {
                    throw new StepFailedException($"network {NetworkOf(cut.Network, context)} does not exist", "declare it as the system's 'network' so drills creates it labelled for the system");
                }

                return await _networks.DisconnectAsync(id, NetworkOf(cut.Network, context), Trail(context), cancellationToken);
            case ReconnectNetworkStep reconnect:
                return await _networks.ReconnectAsync(id, NetworkOf(reconnect.Network, context), Trail(context), cancellationToken);
            case ExhaustStep exhaust:
                return await _exhaust.StartAsync(id, context.Run.RunId, exhaust, context.Clock, cancellationToken);
            case CorruptConfigStep corrupt:
                return await _configs.CorruptAsync(id, corrupt, Trail(context), cancellationToken);
            case DeleteBackupsStep:
                return await _backups.DeleteAsync(id, context.Target.System, cancellationToken);
            case RestartStep:
                await _runtime.RestartAsync(id, TimeSpan.FromSeconds(10), cancellationToken);
                return "restarted";
            case StartStep:
                await _runtime.StartAsync(id, cancellationToken);
                return "started";
            case UnpauseStep:
                await _runtime.UnpauseAsync(id, cancellationToken);
                return "unpaused";
            case RedeployStep:
                return await RedeployAsync(context.Target, cancellationToken);
            case RestoreBackupStep restore:
                return await _restore.RunAsync(restore, context, cancellationToken);
            case WaitStep wait:
                await context.Clock.DelayAsync(wait.Duration, cancellationToken);
                return Invariant($"waited {wait.Duration.TotalSeconds:0.###} s");
            default:
                throw new StepFailedException($"step kind '{step.Kind}' is not supported by this version of drills", "use a step kind drills validate accepts");
        }
    }

    private AttackTrail Trail(StepContext context) => new(_snapshots, context.Run.RunId);

    /// <summary>The network a step names, else the system's own (the loader refuses a step with neither).</summary>
    private static string NetworkOf(string? named, StepContext context) =>
        named ?? context.Target.System.Network
        ?? throw new StepFailedException($"system '{context.Target.System.Id}' declares no network to cut", "add 'network: NAME' to the system, or name the network in the step");

    /// <summary>Removes whatever container holds the system's name (after vetting it) and creates it anew.</summary>
    public async Task<string> RedeployAsync(DrillTarget target, CancellationToken cancellationToken)
    {
        var existing = await _guard.InspectAsync(target.System, cancellationToken);
        if (existing is not null)
        {
            await _runtime.RemoveAsync(existing.Id, cancellationToken);
        }

        target.ContainerId = await _guard.DeployAsync(target.System, cancellationToken);
        return $"recreated from {target.System.Container.Image} as {target.ContainerId[..Math.Min(12, target.ContainerId.Length)]}";
    }

    private async Task<string> WipeAsync(string id, DeleteFilesStep step, CancellationToken cancellationToken)
    {
        var result = await _runtime.ExecAsync(id, DataPaths.ClearCommand([.. step.Paths]), cancellationToken);
        if (!result.Succeeded)
        {
            throw new StepFailedException($"wipe failed with exit {result.ExitCode}: {result.Stderr.Trim()}", "check that the container can run rm on its data paths");
        }

        return $"deleted everything under {string.Join(", ", step.Paths)}";
    }

    private async Task<string> DefaceAsync(string id, DefaceStep step, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(step.Content);
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, Path.GetFileName(step.Path))
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                DataStream = new MemoryStream(content),
            };
            await writer.WriteEntryAsync(entry, cancellationToken);
        }

        tar.Position = 0;
        await _runtime.CopyToAsync(id, ContainerPath.ParentOf(step.Path), tar, cancellationToken);
        return $"replaced {step.Path} with {content.Length} bytes";
    }

    private async Task<string> ExecAsync(string id, ExecStep step, string runId, CancellationToken cancellationToken)
    {
        // The run id lets a command mark what it leaves running (see RunMarks), so the cleanup scan finds and ends it.
        var environment = new Dictionary<string, string> { [RunMarks.RunIdVariable] = runId };
        var result = await _runtime.ExecWithEnvironmentAsync(id, step.Command, environment, cancellationToken);
        var output = result.ShortOutput();
        if (result.ExitCode != step.ExpectExitCode)
        {
            throw new StepFailedException($"exit {result.ExitCode}, expected {step.ExpectExitCode}: {output}", "correct the command or its expected exit code in the catalogue");
        }

        return output.Length == 0 ? $"exit {result.ExitCode}" : $"exit {result.ExitCode}: {output}";
    }
}
