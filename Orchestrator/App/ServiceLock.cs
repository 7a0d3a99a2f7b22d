using System.Globalization;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;

namespace Drills.Orchestrator.App;

/// <summary>
/// One <c>drills serve</c> per data directory. Two schedulers on one job store would both fire every
/// trigger (SQLite cannot be clustered), so the second refuses to start instead of drilling twice.
/// </summary>
internal static class ServiceLock
{
    public static LockFile Acquire(DataDirectory data) =>
        LockFile.TryAcquire(PathOf(data), string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId}"))
        ?? throw new CliException(ExitCodes.Environment,
            $"Another drills serve ({LockFile.HolderOf(PathOf(data), "process unknown")}) is already running with the data directory {data.Root}.",
            "stop it first, or give this one its own --data-dir");

    /// <summary>True while a <c>drills serve</c> holds the data directory.</summary>
    public static bool IsHeld(DataDirectory data) => LockFile.IsHeld(PathOf(data));

    private static string PathOf(DataDirectory data) => Path.Combine(data.Root, "serve.lock");
}
