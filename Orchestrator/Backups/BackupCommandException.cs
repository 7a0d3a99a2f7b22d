using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Backups;

/// <summary>A system's dump or load command ended with a non-zero exit: no backup was kept, or the restore did not load it.</summary>
internal sealed class BackupCommandException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner)
{
    public static BackupCommandException For(string systemId, string role, IReadOnlyList<string> command, ExecResult result) => new(
        $"The backup {role} command of {systemId} [{string.Join(' ', command)}] failed with exit {result.ExitCode}: {Stderr(result)}",
        $"run the command inside the container by hand (docker exec) and correct 'backup.{role}' in the catalogue");

    private static string Stderr(ExecResult result)
    {
        var text = result.Stderr.Trim();
        return text.Length == 0 ? "(no error output)" : (text.Length > 400 ? text[..397] + "..." : text) + result.CutNote;
    }
}
