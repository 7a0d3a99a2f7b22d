using System.Globalization;
using Drills.Orchestrator.Cli;

namespace Drills.Orchestrator.Scheduling.Service;

/// <summary>
/// One <c>drills serve</c> per data directory. Two schedulers on one job store would both fire every
/// trigger (SQLite cannot be clustered), so the second refuses to start instead of drilling twice.
/// </summary>
internal sealed class ServiceLock : IDisposable
{
    private readonly FileStream _file;

    private ServiceLock(FileStream file) => _file = file;

    public static ServiceLock Acquire(DataDirectory data)
    {
        Directory.CreateDirectory(data.Root);
        var path = Path.Combine(data.Root, "serve.lock");
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive lock the kernel releases when the process dies, even by SIGKILL.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = ReadOwner(PidFile(data));
            throw new CliException(ExitCodes.Environment,
                $"Another drills serve{owner} is already running with the data directory {data.Root}. Stop it first, or give this one its own --data-dir.");
        }

        // Beside the lock, not in it: the locked file cannot be read by the process that is refused.
        File.WriteAllText(PidFile(data), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new ServiceLock(file);
    }

    /// <summary>True while a <c>drills serve</c> holds the data directory.</summary>
    public static bool IsHeld(DataDirectory data)
    {
        try
        {
            using var probe = new FileStream(Path.Combine(data.Root, "serve.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _file.Dispose();

    private static string PidFile(DataDirectory data) => Path.Combine(data.Root, "serve.pid");

    private static string ReadOwner(string pidFile)
    {
        try
        {
            return File.ReadAllText(pidFile).Trim() is { Length: > 0 } pid ? $" (process {pid})" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
