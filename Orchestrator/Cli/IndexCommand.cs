using System.CommandLine;
using System.Globalization;
using System.Text;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Reports.Files;
using Drills.Reports.Index;
using Drills.Scenarios.Catalogue;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills index</c>: the CIO's recovery readiness index over every system of the catalogue and every stored run,
/// worst first, as a self-contained HTML page (by default the data directory's reports/index.html), JSON or CSV.
/// </summary>
internal static class IndexCommand
{
    public static Command Create(TimeProvider clock)
    {
        var file = CatalogueFile.Option();
        var output = new Option<string?>("--out") { Description = "Write the HTML page to FILE (default: the data directory's reports/index.html)", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print the rows as one JSON object on stdout instead of writing the page (unless --out is given too)" };
        var csv = new Option<string?>("--csv") { Description = "Also write the rows as CSV to FILE (the --json fields, formula-safe)", HelpName = "FILE" };
        var agency = new Option<string?>("--agency") { Description = "Only the systems of this agency (case ignored)", HelpName = "AGENCY" };
        var level = new Option<string?>("--level") { Description = "Only the systems of this security level (1..5)", HelpName = "N" };
        var command = new Command("index", "Write the CIO index: every system worst first, recovery time against target, pass rate, trend, overdue drills")
        {
            file, output, json, csv, agency, level,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new IndexFilter(parse.GetValue(agency), Level(parse.GetValue(level)));
            var catalogue = CatalogueSource.Load(parse.GetValue(file), clock.GetUtcNow(), Console.Error);
            using var services = GlobalOptions.Services(parse, clock);
            var index = IndexPublisher.Build(services, catalogue, filter);
            if (parse.GetValue(csv) is { } csvFile)
            {
                await PrivateFiles.ReplaceAsync(Path.GetFullPath(csvFile), new UTF8Encoding(false).GetBytes(IndexCsv.Write(index)), cancellationToken);
                await Console.Error.WriteLineAsync($"CSV: {Path.GetFullPath(csvFile)}");
            }

            var asJson = parse.GetValue(json);
            var page = parse.GetValue(output);
            if (!asJson || page is not null)
            {
                var path = await WriteAsync(services, index, catalogue, page ?? IndexPublisher.DefaultPath(services.Data), cancellationToken);
                (asJson ? Console.Error : Console.Out).WriteLine(path);
            }

            if (asJson)
            {
                Console.Out.WriteLine(IndexJson.Serialize(index));
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    private static async Task<string> WriteAsync(AppServices services, CioIndex index, DrillCatalogue catalogue, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await IndexPublisher.WriteHtmlAsync(services, index, path, catalogue.Defaults.TimeZone, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot write the index to {path}: {ex.Message.TrimEnd('.')}.", "pass --out with a file in a folder you can write");
        }
    }

    /// <exception cref="CliException">Not a security level.</exception>
    private static int? Level(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= LevelTargets.MinLevel and <= LevelTargets.MaxLevel
            ? level
            : throw new CliException(ExitCodes.BadInput, $"--level '{text}' is not a security level.",
                $"pass a level from {LevelTargets.MinLevel} to {LevelTargets.MaxLevel}, such as --level 3");
    }
}
