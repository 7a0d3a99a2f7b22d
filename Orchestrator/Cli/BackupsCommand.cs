using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Safety;
using Drills.Scenarios.Catalogue;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills backups [SYSTEM]</c>: the agency backups, newest first, each copy verified by checksum now.</summary>
internal static class BackupsCommand
{
    public static Command Create(TimeProvider clock)
    {
        var system = new Argument<string?>("SYSTEM") { Description = "Only this system's backups (default: every system)", Arity = ArgumentArity.ZeroOrOne };
        var file = CatalogueFile.Option();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("backups", "List the agency backups, newest first, with each copy's checksum verified now") { system, file, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalogue = CatalogueSource.Load(parse.GetValue(file), clock.GetUtcNow(), Console.Error);
            var only = parse.GetValue(system) is { } id ? SystemSelection.WithBackup(catalogue, id, "backups") : null;
            using var services = GlobalOptions.Services(parse, clock);
            var systems = only is not null
                ? [only.Id]
                : catalogue.Systems.Values.Where(s => s.Backup is not null).Select(s => s.Id).Union(services.Backups.Systems(), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(catalogue.Defaults.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
            var rows = new List<BackupRow>();
            foreach (var each in systems)
            {
                rows.AddRange(await RowsAsync(services, catalogue.Systems.GetValueOrDefault(each), each, zone, cancellationToken));
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { backups = rows }, RunJson.Options));
                return ExitCodes.Passed;
            }

            Print(new Terminal(json: false).Human, rows, zone, services);
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>One backup as listed: every copy verified now.</summary>
    internal sealed record BackupRow(string Id, string System, BackupMethod Method, DateTimeOffset TakenAtUtc, string TakenAtLocal, long Bytes, string Sha256,
        bool Intact, IReadOnlyList<CopyRow> Copies, string? RunId);

    internal sealed record CopyRow(string Copy, string Place, bool Intact, string? Problem);

    private static async Task<List<BackupRow>> RowsAsync(AppServices services, SystemDefinition? system, string systemId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var runtime = services.Runtime is LabelledOnlyRuntime guarded ? guarded.For(systemId) : new LabelledOnlyRuntime(services.Runtime, systemId);
        var containerId = system?.Backup?.Share is null ? null : await ShareContainerAsync(runtime, system, cancellationToken);
        var rows = new List<BackupRow>();
        foreach (var (manifest, copies) in services.Backups.Manifests(systemId))
        {
            var checkedCopies = new List<CopyRow>();
            foreach (var copy in new[] { "online", "offline" })
            {
                var place = copy == "online" && manifest.Share is not null ? manifest.OnlinePlace : services.Backups.Layout.FolderOf(copy, systemId, manifest.Id);
                var problem = copies.Contains(copy)
                    ? await services.Backups.ProblemAsync(manifest, copy, runtime, containerId, cancellationToken)
                    : "gone: no manifest.json in its folder";
                checkedCopies.Add(new CopyRow(copy, place, problem is null, problem));
            }

            var local = TimeZoneInfo.ConvertTime(manifest.TakenAtUtc, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
            rows.Add(new BackupRow(manifest.Id, systemId, manifest.Method, manifest.TakenAtUtc, local, manifest.Bytes, manifest.Sha256,
                checkedCopies.Any(c => c.Intact), checkedCopies, manifest.RunId));
        }

        return rows;
    }

    /// <summary>The system's running container, to read the copies on its share; null when there is none or Docker does not answer.</summary>
    private static async Task<string?> ShareContainerAsync(IContainerRuntime runtime, SystemDefinition system, CancellationToken cancellationToken)
    {
        try
        {
            var container = await new TargetGuard(runtime).InspectAsync(system, cancellationToken);
            return container is { Status: ContainerStatus.Running } ? container.Id : null;
        }
        catch (DrillsException)
        {
            return null;
        }
    }

    private static void Print(IAnsiConsole console, List<BackupRow> rows, TimeZoneInfo zone, AppServices services)
    {
        var table = new Table().Border(TableBorder.Rounded)
            // Backup ids are copied into restore-backup steps: never broken across lines.
            .AddColumn(new TableColumn("Backup").NoWrap())
            .AddColumns("System", "Method")
            .AddColumn(new TableColumn($"Taken ({zone.Id})").NoWrap())
            .AddColumn(new TableColumn("Taken (UTC)").NoWrap())
            .AddColumns("Size", "SHA-256", "Intact", "Copies");
        foreach (var row in rows)
        {
            table.AddRow(row.Id, TerminalMarkup.Escape(row.System), row.Method.ToString().ToLowerInvariant(), row.TakenAtLocal,
                row.TakenAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), ByteSize.Format(row.Bytes),
                row.Sha256[..16] + "…", row.Intact ? "[green]yes[/]" : "[red]NO[/]",
                string.Join(", ", row.Copies.Select(c => c.Intact ? $"{c.Copy} ✔" : $"{c.Copy} ✘")));
        }

        console.Write(table);
        if (rows.Count == 0)
        {
            console.MarkupLine($"No agency backups yet in {TerminalMarkup.Escape(services.Data.Backups)}. Take one with: drills backup SYSTEM");
            return;
        }

        foreach (var (row, copy) in rows.SelectMany(r => r.Copies.Where(c => !c.Intact).Select(c => (r, c))))
        {
            console.MarkupLine($"[red]✘[/] {row.Id} {copy.Copy}: {TerminalMarkup.Escape(copy.Problem ?? "")}");
        }
    }
}
