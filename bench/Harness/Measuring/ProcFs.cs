using System.Globalization;

namespace Drills.Bench.Measuring;

/// <summary>What Linux's /proc says about CPU time and memory, read without any tool installed.</summary>
internal static class ProcFs
{
    /// <summary>Clock ticks per second of the stat files' CPU fields (USER_HZ, 100 on every Linux we run on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU seconds (user + system) of the children this process has waited for, so far.</summary>
    public static double ReapedChildrenCpuSeconds()
    {
        var fields = StatFields("/proc/self/stat");
        // Fields 16 and 17 (1-based): cutime, cstime.
        return fields is null ? double.NaN : (Tick(fields[13]) + Tick(fields[14])) / TicksPerSecond;
    }

    /// <summary>CPU seconds (user + system) of a live process, or NaN once it is gone.</summary>
    public static double CpuSeconds(int pid)
    {
        var fields = StatFields($"/proc/{pid}/stat");
        // Fields 14 and 15 (1-based): utime, stime.
        return fields is null ? double.NaN : (Tick(fields[11]) + Tick(fields[12])) / TicksPerSecond;
    }

    /// <summary>The peak resident set (VmHWM) of a live process in KiB, or 0 once it is gone.</summary>
    public static long PeakRssKiB(int pid) => StatusField(pid, "VmHWM:");

    /// <summary>The resident set (VmRSS) of a live process in KiB, or 0 once it is gone.</summary>
    public static long RssKiB(int pid) => StatusField(pid, "VmRSS:");

    private static long StatusField(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(name.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    /// <summary>The stat line's fields after the command name (which may hold spaces), so index 0 is field 3.</summary>
    private static string[]? StatFields(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Tick(string field) => long.Parse(field, CultureInfo.InvariantCulture);
}
