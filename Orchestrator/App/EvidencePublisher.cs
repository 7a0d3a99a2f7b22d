using System.Text;
using Drills.Orchestrator.Evidence;
using Drills.Reports.AfterAction;
using Drills.Reports.Machine;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.App;

/// <summary>
/// Writes an ended run's evidence into &lt;data-dir&gt;/evidence/&lt;run id&gt;/, once, from what the run store holds
/// (its chained journal and head) and the report just published; then signs the manifest. A signature that
/// cannot be made is logged and left for <c>drills export</c>: the evidence stays, unsigned, and the run is never lost.
/// </summary>
internal static class EvidencePublisher
{
    /// <param name="reportPath">The run's published report; null: the evidence renders it (once, final when a signer opens) and publishes it.</param>
    /// <returns>The evidence written (or found), or null when the run has not ended.</returns>
    public static async Task<EvidenceResult?> PublishAsync(
        AppServices services, string runId, string? reportPath, CancellationToken cancellationToken, ReportLanguage language = ReportLanguage.Both)
    {
        if (services.Store.Find(runId) is not { } run || run.Outcome == RunOutcome.Running)
        {
            return null;
        }

        var (folder, report) = await WriteCoreAsync(services, run, reportPath, language, cancellationToken);
        if (folder.IsSigned)
        {
            return new EvidenceResult(folder.Path, true, null, report);
        }

        try
        {
            using var signer = EvidenceSigner.Open(services.Signing, services.Data.Root, services.Clock);
            await folder.SignAsync(signer, cancellationToken);
            services.Log.Information("Evidence of {RunId} signed by {Signer} in {Folder}", run.RunId, signer.Subject, folder.Path);
            return new EvidenceResult(folder.Path, true, null, report);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warning(ex, "Evidence of {RunId} is written but NOT signed: {Error}. Fix: drills export {RunId} signs it", run.RunId, ex.Message, run.RunId);
            return new EvidenceResult(folder.Path, false, ex.Message, report);
        }
    }

    /// <summary>The run's evidence folder, written now when it is not yet (the report is rendered again when none was given).</summary>
    public static async Task<EvidenceFolder> WriteAsync(
        AppServices services, RunRecord run, string? reportPath, CancellationToken cancellationToken, ReportLanguage language = ReportLanguage.Both) =>
        (await WriteCoreAsync(services, run, reportPath, language, cancellationToken)).Folder;

    /// <returns>The folder, and the published report it holds (the run's stored report when the folder was written before).</returns>
    private static async Task<(EvidenceFolder Folder, string? ReportPath)> WriteCoreAsync(
        AppServices services, RunRecord run, string? reportPath, ReportLanguage language, CancellationToken cancellationToken)
    {
        var folder = EvidenceFolder.For(services.Data.Evidence, run.RunId);
        if (folder.IsWritten)
        {
            return (folder, reportPath ?? run.ReportPath);
        }

        // Rows recorded before the journal was chained are chained here, and the manifest says how many.
        var unchained = run.Journal.Count(e => e.Hash is null);
        var journal = unchained == 0 ? run.Journal : JournalChain.Chain(run.Journal);
        // The report the evidence holds is the final one, its annex naming the chain head and the signer, when a
        // signer can be opened; else the draft, which drills export signs later.
        if (FactsFor(services, run.RunId, journal) is { } facts)
        {
            reportPath = await ReportPublisher.PublishAsync(services, run, timeZone: null, language, cancellationToken, facts);
        }

        reportPath ??= await ReportPublisher.PublishAsync(services, run, timeZone: null, language, cancellationToken);
        var report = await File.ReadAllBytesAsync(reportPath, cancellationToken);
        var catalogue = FactsOf(services, run);
        var junit = new UTF8Encoding(false).GetBytes(JUnitWriter.Write([run with { ReportPath = reportPath }]));
        await folder.WriteAsync(report, journal, junit, subjects => new ManifestFacts(run, catalogue, subjects, JournalChain.HeadOf(journal),
            ReportPublisher.Version, run.Owner?.Host ?? Environment.MachineName, unchained), cancellationToken);
        services.Log.Information("Evidence of {RunId} written to {Folder}", run.RunId, folder.Path);
        return (folder, reportPath);
    }

    /// <summary>What the report's evidence annex states: the journal's head and the certificate that will sign; null when no signer opens.</summary>
    private static EvidenceFacts? FactsFor(AppServices services, string runId, IReadOnlyList<JournalEvent> journal)
    {
        if (JournalChain.HeadOf(journal) is not { } head)
        {
            return null;
        }

        try
        {
            using var signer = EvidenceSigner.Open(services.Signing, services.Data.Root, services.Clock);
            var certificate = signer.Certificate;
            return new EvidenceFacts(head.Hash, head.Events, signer.Subject, signer.FingerprintSha256,
                SelfSigned: certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            services.Log.Warning(ex, "Report of {RunId} stays a draft: no signer opened: {Error}", runId, ex.Message);
            return null;
        }
    }

    /// <summary>The scenario and system as the run record names them, with the steps, image and data paths of the catalogue text kept with the run.</summary>
    private static CatalogueFacts FactsOf(AppServices services, RunRecord run)
    {
        var scenario = new ScenarioFacts(run.ScenarioId, run.ScenarioTitle, run.Technique);
        var system = new SystemFacts(run.SystemId, run.SystemTitle, run.Agency, run.SecurityLevel, run.RtoTarget, run.ContainerName);
        if (services.KeptCatalogues.Load(run.CatalogueSha256)?.Catalogue is { } drilled)
        {
            if (drilled.Scenarios.TryGetValue(run.ScenarioId, out var declared))
            {
                scenario = scenario with
                {
                    Attack = [.. declared.Attack.Select(s => s.Describe())],
                    Restore = [.. declared.Restore.Select(s => s.Describe())],
                    MaxDuration = declared.MaxDuration,
                    ProbeInterval = declared.ProbeInterval,
                };
            }

            if (drilled.Systems.TryGetValue(run.SystemId, out var declaredSystem))
            {
                system = system with { Image = declaredSystem.Container.Image, DataPaths = declaredSystem.Data.Paths };
            }
        }

        return new CatalogueFacts(run.CatalogueSha256, scenario, system);
    }
}
