using System.CommandLine;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;

namespace Drills.Orchestrator.Cli;

/// <summary><c>drills report RUN_ID [--lang vi|en|both]</c>: (re)writes the run's HTML after-action report and prints its path.</summary>
internal static class ReportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var runId = new Argument<string>("RUN_ID") { Description = "Run id as shown by drills runs" };
        var lang = LanguageOption.Create();
        var command = new Command("report", "Write a run's HTML after-action report and print its path") { runId, lang };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var language = LanguageOption.Read(parse.GetValue(lang));
            using var services = GlobalOptions.Services(parse, clock);
            var id = parse.GetValue(runId)!;
            var run = services.Store.Find(id)
                      ?? throw new CliException(ExitCodes.BadInput, $"No run '{id}' in {services.Data.Database}.", "list runs with drills runs (and pass the same --data-dir).");
            Console.Out.WriteLine(await ReportPublisher.PublishAsync(services, run, timeZone: null, language, cancellationToken));
            if (EvidenceFolder.For(services.Data.Evidence, run.RunId) is { IsWritten: true } evidence)
            {
                // A report rendered again is a draft; the final one is the copy the signed evidence holds.
                Console.Error.WriteLine($"note: this copy is a draft; the final report of {run.RunId} is {evidence.FileOf(EvidenceFiles.Report)} (in its signed evidence; drills export {run.RunId} bundles it)");
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
