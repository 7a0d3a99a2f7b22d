using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills backup SYSTEM</c>: takes one agency backup now, as the agency's scheduled backup would: the target is
/// resolved and vetted as a drill resolves it, and the system is held so no drill runs meanwhile.
/// </summary>
internal static class BackupCommand
{
    public static Command Create(TimeProvider clock)
    {
        var system = new Argument<string>("SYSTEM") { Description = "System id from the catalogue; it must declare a backup" };
        var file = CatalogueFile.Option();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("backup", "Take one agency backup of a system now: an online and an offline copy, each checksummed") { system, file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalogue = CatalogueSource.Load(parse.GetValue(file), clock.GetUtcNow(), Console.Error);
            var definition = SystemSelection.WithBackup(catalogue, parse.GetValue(system)!, "backup");
            using var services = GlobalOptions.Services(parse, clock);
            var backup = await BackupNow.TakeAsync(services, catalogue, definition, "drills backup", cancellationToken);
            var (manifest, _) = services.Backups.Find(definition.Id, backup.Id)!.Value;
            var copies = new[]
            {
                new { copy = "online", place = manifest.Share is null ? services.Backups.Layout.FolderOf("online", definition.Id, backup.Id) : $"{manifest.OnlinePlace}" },
                new { copy = "offline", place = services.Backups.Layout.FolderOf("offline", definition.Id, backup.Id) },
            };
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    backup.Id,
                    System = backup.SystemId,
                    backup.Method,
                    backup.TakenAtUtc,
                    backup.Bytes,
                    backup.Sha256,
                    backup.ImageDigest,
                    Copies = copies,
                }, RunJson.Options));
                return ExitCodes.Passed;
            }

            var console = new Terminal(json: false).Human;
            console.MarkupLine($"[green]✔ Backup {backup.Id}[/] of {TerminalMarkup.Escape(backup.SystemId)} ({backup.Method.ToString().ToLowerInvariant()}): " +
                               $"{ByteSize.Format(backup.Bytes)}, sha256 {backup.Sha256}");
            foreach (var copy in copies)
            {
                console.MarkupLine($"  {copy.copy}: {TerminalMarkup.Escape(copy.place)}");
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
