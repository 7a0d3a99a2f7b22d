using Drills.Orchestrator.Scheduling.Calendars;
using Microsoft.Data.Sqlite;
using Quartz;

namespace Drills.Orchestrator.Tests.Orchestrator.Service;

/// <summary>A real Quartz scheduler on the SQLite job store in a temp folder, configured as <c>drills serve</c> configures it.</summary>
internal sealed class QuartzOnSqlite : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("drills-quartz-").FullName;

    public string Connection => $"Data Source={Path.Combine(Folder, "quartz.db")}";

    /// <summary>A scheduler on the folder's file; disposing it shuts it down, as a service restart would.</summary>
    public async Task<RunningScheduler> StartAsync(bool start = true)
    {
        var factory = QuartzSchedulerBuilder.Create(q => q
            .ConfigureScheduler(o => o.InstanceName = "drills-test")
            .UsePersistentStore(store =>
            {
                store.UseSqlite(SqliteFactory.Instance, Connection);
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(r => r.AddCalendarSerializer(new BlackoutCalendarSerializer()));
            })).Build();
        var scheduler = await factory.GetScheduler(CancellationToken.None);
        if (start)
        {
            await scheduler.Start(CancellationToken.None);
        }

        return new RunningScheduler(factory, scheduler);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    internal sealed record RunningScheduler(IAsyncDisposable Factory, IScheduler Scheduler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
            await Factory.DisposeAsync();
        }
    }
}
