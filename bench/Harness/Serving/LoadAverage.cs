namespace Drills.Bench.Serving;

/// <summary>The machine's 1-minute load average (/proc/loadavg): serve's figures depend on what else the cores were doing.</summary>
internal static class LoadAverage
{
    public static string Now()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{fields[0]} on {Environment.ProcessorCount} cores";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
