using System.CommandLine;
using System.Text.Json;
using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills export RUN_ID</c>: one zip of the run's evidence (report, chained journal, signed manifest, signer
/// certificate, VERIFY.txt), written whole and never over an existing file; prints its path. Evidence that was
/// never written or never signed (signing failed when the run ended) is written and signed now.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(TimeProvider clock)
    {
        var runId = new Argument<string>("RUN_ID") { Description = "Run id as shown by drills runs" };
        var output = new Option<string?>("--out") { Description = "Folder to write drills-evidence-RUN_ID.zip into (default: the current folder)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var signing = new SigningOptions();
        var command = new Command("export", "Write a run's evidence bundle (zip) for an appraiser and print its path") { runId, output, json };
        signing.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = signing.Resolve(parse);
            using var services = GlobalOptions.Services(parse, clock, signing: settings);
            var run = EndedRun(services, parse.GetValue(runId)!);
            var target = BundlePath(parse.GetValue(output), run.RunId);
            var folder = await EvidencePublisher.WriteAsync(services, run, run.ReportPath is { } report && File.Exists(report) ? report : null, cancellationToken);
            var (members, signer) = await SignedMembersAsync(services, folder, settings, cancellationToken);
            try
            {
                await EvidenceBundle.WriteAsync(target, members, cancellationToken);
            }
            catch (IOException) when (File.Exists(target))
            {
                throw Exists(target);
            }

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { bundle = target, runId = run.RunId, signer }, RunJson.Options));
            }
            else
            {
                Console.Out.WriteLine(target);
            }

            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>
    /// The folder's members, signed: evidence left unsigned is signed now and kept so; evidence already signed is
    /// bundled as it is, unless a certificate or time-stamp authority is named, which signs this bundle anew.
    /// </summary>
    private static async Task<(IReadOnlyList<EvidenceMember> Members, string Signer)> SignedMembersAsync(AppServices services, EvidenceFolder folder,
        SigningSettings settings, CancellationToken cancellationToken)
    {
        var fresh = settings != SigningSettings.Default;
        if (folder.IsSigned && !fresh)
        {
            var stored = await folder.MembersAsync(cancellationToken);
            var certificate = SignatureDamage.SignerOf(stored.First(m => m.Name == EvidenceFiles.Signature).Content);
            return (stored, certificate?.Subject ?? "unknown");
        }

        using var signer = EvidenceSigner.Open(settings, services.Data.Root, services.Clock);
        if (!folder.IsSigned)
        {
            await folder.SignAsync(signer, cancellationToken);
            Console.Error.WriteLine($"The evidence was not signed yet; signed now by {signer.Subject}.");
            return (await folder.MembersAsync(cancellationToken), signer.Subject);
        }

        var signature = await folder.SignatureOfAsync(signer, cancellationToken);
        var members = (await folder.MembersAsync(cancellationToken))
            .Select(m => m.Name switch
            {
                EvidenceFiles.Signature => m with { Content = signature },
                EvidenceFiles.SignerCertificate => m with { Content = System.Text.Encoding.UTF8.GetBytes(signer.CertificatePem) },
                _ => m,
            })
            .ToArray();
        return (members, signer.Subject);
    }

    private static RunRecord EndedRun(AppServices services, string runId)
    {
        if (services.Store.Find(runId) is not { } run)
        {
            var (problem, fix) = UnknownRun.Describe(services.Store, services.Data.Database, runId);
            throw new CliException(ExitCodes.BadInput, problem, fix);
        }

        if (run.Outcome == RunOutcome.Running)
        {
            throw new CliException(ExitCodes.BadInput, $"Run {runId} is still running: its evidence is complete only once it ends.",
                $"wait for it to end (drills runs shows it), or if its process is gone close it with drills recover {runId}, then export again");
        }

        return run;
    }

    private static string BundlePath(string? folder, string runId)
    {
        var directory = Path.GetFullPath(folder ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(directory))
        {
            throw new CliException(ExitCodes.BadInput, $"The folder {directory} does not exist.", "create it, or pass --out with an existing folder");
        }

        var path = Path.Combine(directory, EvidenceFiles.BundleName(runId));
        return File.Exists(path) ? throw Exists(path) : path;
    }

    private static CliException Exists(string path) =>
        new(ExitCodes.BadInput, $"{path} already exists; drills never writes a bundle over another.", "move or delete it, or pass --out with another folder");
}
