namespace Drills.Orchestrator.Scheduling;

/// <summary>The Quartz cron expression a catalogue schedule stands for.</summary>
internal static class QuartzCron
{
    public static string From(string schedule) => schedule;
}
