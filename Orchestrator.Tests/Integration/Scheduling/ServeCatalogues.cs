using System.Globalization;

using static Drills.Orchestrator.Tests.Integration.TestSystems;

namespace Drills.Orchestrator.Tests.Integration.Scheduling;

/// <summary>Catalogues for the scheduler tests: fast drills and schedules that fire at known instants.</summary>
internal static class ServeCatalogues
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>A Quartz cron that fires at this instant (once a year), written in the catalogue's default zone.</summary>
    public static string Once(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, Hanoi);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ?");
    }

    /// <summary>The next whole second at least <paramref name="ahead"/> from now.</summary>
    public static DateTimeOffset SecondsAhead(double ahead)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(ahead);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero).AddSeconds(1);
    }

    /// <summary>Kill then restart: a drill of about two seconds.</summary>
    public static string KillDrill(string id, string schedule, string blackout = "") =>
        Scenario(id, "kill: {}", RestoreSteps("restart: {}"), "[checks]",
            $"schedule: \"{schedule}\"" + (blackout.Length > 0 ? $"\n    blackout: [{blackout}]" : ""));

    /// <summary>Ransomware whose attack phase lasts half a minute: long enough to crash or stop the service inside it.</summary>
    public static string SlowRansomware(string id, string schedule) => $$"""
          {{id}}:
            title: {{id}}
            system: portal
            schedule: "{{schedule}}"
            attack:
              - encrypt-files: { paths: [/srv/www], note: README_RESTORE.txt }
              - exec: ["sleep", "30"]
            restore:
              - restore-backup: baseline
              - restart: {}
            verify: [checks, integrity]
        """;

    public static async Task<string> WriteAsync(string folder, string yaml)
    {
        var file = Path.Combine(folder, "scenarios.yaml");
        await File.WriteAllTextAsync(file, yaml);
        return file;
    }
}
