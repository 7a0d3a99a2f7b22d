using System.CommandLine;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Service;
using Drills.Scenarios.Durations;
using Drills.Scenarios.Loading;
using Microsoft.Extensions.Hosting;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills serve</c>: the scheduler service that fires every scheduled scenario on its calendar.</summary>
internal static class ServeCommand
{
    public static Command Create(TimeProvider clock)
    {
        var file = CatalogueFile.Option();
        var maxConcurrent = new Option<int>("--max-concurrent")
        {
            Description = "Most drills running at once across all systems; one system never runs two",
            DefaultValueFactory = _ => new SchedulerOptions().MaxConcurrentDrills,
        };
        var grace = new Option<string?>("--misfire-grace")
        {
            Description = "A fire missed while the service was down runs once at start-up when at most this late, else it is skipped and recorded (default 1h; 0s skips every miss)",
        };
        var keep = new Option<int>("--keep-snapshots")
        {
            Description = "Snapshot archives kept for the newest N finished runs; older runs keep only their baseline checksums",
            DefaultValueFactory = _ => new SchedulerOptions().KeepSnapshots,
        };
        var command = new Command("serve", "Run the scheduler: fire scheduled drills in their time zone, outside blackout calendars; a catalogue file is watched for edits (the built-in sample is not)") { file, maxConcurrent, grace, keep };
        var signing = new SigningOptions();
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = Options(parse.GetValue(maxConcurrent), parse.GetValue(grace), parse.GetValue(keep));
            var path = CatalogueSource.Resolve(parse.GetValue(file));
            var settings = signing.Resolve(parse);
            using var services = GlobalOptions.Services(parse, clock, service: true, signing: settings);
            if (settings.Pkcs12Path is not null)
            {
                // A wrong file or password stops the service at start, not at the first drill's end.
                using var check = EvidenceSigner.Open(settings, services.Data.Root, clock);
            }

            using var single = ServiceLock.Acquire(services.Data);
            // Targets a crash left attacked come back first: a catalogue that does not load must not keep them
            // attacked. Each run is rolled back as declared when it was drilled.
            var recovery = new CrashRecovery(services, services.Log);
            var loaded = new Lazy<CatalogueLoadResult>(() => CatalogueSource.Validate(path, clock.GetUtcNow(), Console.Error));
            if (recovery.Interrupted() is { Count: > 0 } interrupted)
            {
                await services.Runtime.PingAsync(cancellationToken);
                await recovery.RunOnceAsync(interrupted, () => loaded.Value.Catalogue, retryFailed: true, cancellationToken);
            }

            var catalogue = loaded.Value.IsValid ? loaded.Value.Catalogue : throw new CatalogueInvalidException(loaded.Value.Errors);
            await services.Runtime.PingAsync(cancellationToken);
            using var host = ServeHost.Build(services, new CatalogueHolder(catalogue, path), options);
            await host.RunAsync(cancellationToken);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static SchedulerOptions Options(int maxConcurrent, string? grace, int keep)
    {
        if (maxConcurrent is < 1 or > SchedulerOptions.MostConcurrentDrills)
        {
            throw new CliException(ExitCodes.BadInput, $"--max-concurrent is {maxConcurrent}; it must be between 1 and {SchedulerOptions.MostConcurrentDrills}.", $"pass --max-concurrent 2 (the default) or another number from 1 to {SchedulerOptions.MostConcurrentDrills}");
        }

        if (keep < 1)
        {
            throw new CliException(ExitCodes.BadInput, $"--keep-snapshots is {keep}; it must be at least 1 (running drills always keep theirs).", "pass --keep-snapshots 20 (the default) or another whole number from 1");
        }

        var options = new SchedulerOptions { MaxConcurrentDrills = maxConcurrent, KeepSnapshots = keep };
        if (grace is null)
        {
            return options;
        }

        // Durations in the catalogue are positive; here zero is meaningful: skip every missed fire.
        if (grace is "0" or "0s")
        {
            return options with { MisfireGrace = TimeSpan.Zero };
        }

        if (!DurationText.TryParse(grace, out var parsed))
        {
            throw new CliException(ExitCodes.BadInput, $"--misfire-grace '{grace}' is not a duration.", "write a duration such as 30m or 1h, or 0s to skip every missed fire");
        }

        return options with { MisfireGrace = parsed };
    }
}
