using System.Threading.Channels;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Scheduling.Calendars;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Serilog;

namespace Drills.Orchestrator.Service;

/// <summary>
/// Builds the <c>drills serve</c> host: Serilog as the logging provider, Quartz with its ADO job store in the
/// run store's SQLite file (schema provisioned on first start), and the service's parts.
/// </summary>
internal static class ServeHost
{
    /// <summary>Bounds a graceful stop: each running drill's rollback has its own 3-minute bound inside this.</summary>
    public static TimeSpan ShutdownTimeout { get; } = TimeSpan.FromMinutes(4);

    public static IHost Build(AppServices services, CatalogueHolder catalogue, SchedulerOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSerilog(services.Log, dispose: false);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton(catalogue);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(services.Clock);
        builder.Services.AddSingleton(services.Log);
        builder.Services.AddSingleton(new ServiceLife(services.Clock));
        builder.Services.AddSingleton(sp => new DrillGate(options.MaxConcurrentDrills, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(new ServiceRequests(services.Data.Database));
        var misses = Channel.CreateUnbounded<MissedFire>();
        builder.Services.AddSingleton(misses.Reader);
        builder.Services.AddSingleton(misses.Writer);
        builder.Services.AddSingleton<MisfireListener>();
        builder.Services.AddSingleton<MissedFires>();
        builder.Services.AddSingleton<SkipRecorder>();
        builder.Services.AddSingleton<ScheduleSync>();
        builder.Services.AddSingleton<CatalogueReloader>();
        builder.Services.AddSingleton<RequestWatcher>();
        builder.Services.AddSingleton<CrashRecovery>();
        builder.Services.AddTransient<DrillJob>();
        builder.Services.AddTransient<BackupJob>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = "drills");
            // The scheduler fires on the process's one clock, the same the drills and the misfire rule read.
            quartz.UseTimeProvider(services.Clock);
            // Jobs wait inside for their system and the global limit: enough slots that waiting fires never starve the trigger loop.
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = SchedulerOptions.SchedulerThreads);
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(SqliteFactory.Instance, new SqliteConnectionStringBuilder { DataSource = services.Data.Database, DefaultTimeout = 30 }.ToString());
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer(serializers => serializers.AddCalendarSerializer(new BlackoutCalendarSerializer()));
                store.ConfigureStore(ado =>
                {
                    ado.MisfireThreshold = options.MisfireThreshold;
                    // A fire cut short by a stop is not replayed: the drill already recorded its abort and rollback.
                    ado.RecoverFiringsCancelledByShutdown = false;
                });
            });
        });
        builder.Services.AddHostedService<DrillService>();
        return builder.Build();
    }
}
