using System.CommandLine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Cli;

/// <summary>
/// <c>drills verify BUNDLE.zip|RUN_ID</c>: checks evidence offline, a bundle anywhere or a run's evidence in the
/// data directory (and then its journal in the run store too): signature, every file's SHA-256, the whole chain.
/// Exit 0 intact, 1 with each failing member (and journal event), 2 when the input is no bundle at all.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TimeProvider clock)
    {
        var target = new Argument<string>("BUNDLE|RUN_ID") { Description = "A bundle written by drills export, or a run id (its evidence in the data directory)" };
        var ca = new Option<string?>("--ca") { Description = "PEM file of the CA the signer must chain to (an agency's certificate); default: the bundle's own signer.pem" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout" };
        var command = new Command("verify", "Check an evidence bundle offline: signature, every file's SHA-256, the journal's hash chain") { target, ca, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(target)!;
            var trusted = TrustedPem(parse.GetValue(ca));
            var (report, store) = IsBundle(given)
                ? (BundleVerifier.Verify(Members(EvidenceBundle.Read(Path.GetFullPath(given)), given), trusted), null)
                : await VerifyRunAsync(parse, clock, given, trusted, cancellationToken);
            var findings = report.Findings.Concat(store?.Breaks.Select(b => StoreFinding(b)) ?? []).ToList();
            VerifyPrinter.Print(report with { Findings = findings }, store, parse.GetValue(json), againstCa: parse.GetValue(ca) is not null);
            return findings.Count == 0 ? ExitCodes.Passed : ExitCodes.Failed;
        });
        return command;
    }

    private static bool IsBundle(string given) =>
        File.Exists(given) || given.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || given.Contains('/') || given.Contains(Path.DirectorySeparatorChar);

    /// <summary>A zip that holds none of the evidence files is not a bundle: exit 2, not a list of everything missing.</summary>
    private static IReadOnlyList<EvidenceMember> Members(IReadOnlyList<EvidenceMember> members, string given) =>
        members.Any(m => m.Name is EvidenceFiles.Manifest or EvidenceFiles.Journal or EvidenceFiles.Signature)
            ? members
            : throw new BundleUnreadableException($"{given} is not an evidence bundle: it holds none of {EvidenceFiles.Manifest}, {EvidenceFiles.Journal}, {EvidenceFiles.Signature}",
                "give the .zip that drills export wrote");

    /// <summary>The run's evidence folder, and the chain of its journal as the run store holds it.</summary>
    private static async Task<(VerifyReport Report, ChainCheck? Store)> VerifyRunAsync(ParseResult parse, TimeProvider clock, string runId, string? trusted,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(runId) && runId.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new BundleUnreadableException($"No file {Path.GetFullPath(runId)}.", "check the path of the bundle");
        }

        using var services = GlobalOptions.Services(parse, clock);
        if (services.Store.Find(runId) is not { } run)
        {
            var (problem, fix) = UnknownRun.Describe(services.Store, services.Data.Database, runId);
            throw new CliException(ExitCodes.BadInput, problem + " (nor a bundle file of that name)", fix);
        }

        var folder = EvidenceFolder.For(services.Data.Evidence, run.RunId);
        if (!folder.IsWritten)
        {
            throw new CliException(ExitCodes.BadInput, $"Run {run.RunId} has no evidence in {services.Data.Evidence} yet.",
                run.Outcome == RunOutcome.Running ? "it is written when the run ends" : $"drills export {run.RunId} writes it");
        }

        var members = (await folder.MembersAsync(cancellationToken)).ToList();
        // VERIFY.txt is a subject; a folder without it (an unsigned one) still gets every other check.
        var report = BundleVerifier.Verify(members, trusted);
        return (report, JournalChain.Verify(run.Journal, run.ChainHead?.Hash));
    }

    private static VerifyFinding StoreFinding(ChainBreak broken) =>
        new("run store journal", $"{broken.Fault.ToString().ToLowerInvariant()}: {broken.Detail}", broken.Event, broken.Line);

    private static string? TrustedPem(string? file)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.BadInput, $"Cannot read the CA file {file}: {ex.Message.TrimEnd('.')}.", "pass --ca with a readable PEM file of the agency's CA certificate");
        }
    }
}
