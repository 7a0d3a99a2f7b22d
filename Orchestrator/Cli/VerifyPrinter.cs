using System.Globalization;
using System.Text.Json;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Runs;
using Drills.Scenarios.RunRecords;
using Spectre.Console;

namespace Drills.Orchestrator.Cli;

/// <summary>What <c>drills verify</c> prints: one line a failing member (and journal event), or what holds; or one JSON object.</summary>
internal static class VerifyPrinter
{
    public static void Print(VerifyReport report, ChainCheck? store, bool json, bool againstCa = false)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                intact = report.Intact,
                runId = report.RunId,
                signer = report.Signature?.SignerSubject,
                signerFingerprintSha256 = report.Signature?.SignerFingerprintSha256,
                signatureValid = report.Signature?.Valid ?? false,
                timestampUtc = report.Signature?.TimestampUtc,
                journal = new { events = report.Head?.Events ?? 0, head = report.Head?.Hash, unchainedInStore = store?.Unchained.Count ?? 0 },
                failures = report.Findings.Select(f => new { member = f.Member, @event = f.Event, line = f.Line, problem = f.Problem }),
            }, RunJson.Options));
            return;
        }

        var console = Terminal.Create(Console.Out, Console.IsOutputRedirected);
        if (report.Intact)
        {
            var signature = report.Signature;
            console.MarkupLine($"[green]✔ intact[/]: run {TerminalMarkup.Escape(report.RunId ?? "?")}; signed by {TerminalMarkup.Escape(signature?.SignerSubject ?? "?")} " +
                               $"(SHA-256 {TerminalMarkup.Escape(signature?.SignerFingerprintSha256 ?? "?")})" +
                               (signature?.TimestampUtc is { } at ? $", timestamped {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC" : ", no timestamp"));
            console.MarkupLine($"  every file matches the manifest; journal chain of {report.Head?.Events ?? 0} events ends at {TerminalMarkup.Escape(report.Head?.Hash ?? "-")}");
            if (!againstCa)
            {
                // Anyone can re-sign a changed bundle with a certificate of their own and ship its signer.pem.
                console.MarkupLine("  [yellow]note:[/] checked against the bundle's own signer.pem: this proves nothing changed since it was signed, " +
                                   "not who signed; compare the fingerprint above with the signer you expect, or pass --ca FILE with the agency's CA");
            }
            if (store is { Unchained.Count: > 0 })
            {
                console.MarkupLine($"  [yellow]note:[/] {store.Unchained.Count} event(s) in the run store were recorded before the journal was chained (unchained)");
            }

            return;
        }

        console.MarkupLine($"[red]✘ NOT intact[/]: {report.Findings.Count} problem(s) in {report.FailingMembers.Count} member(s)");
        foreach (var finding in report.Findings)
        {
            var where = finding.Event is { } n ? $" event {n.ToString(CultureInfo.InvariantCulture)}" : "";
            var line = finding.Line is { } l and > 0 ? $" (line {l.ToString(CultureInfo.InvariantCulture)})" : "";
            console.MarkupLine($"  [bold]{TerminalMarkup.Escape(finding.Member)}[/]{where}{line}: {TerminalMarkup.Escape(finding.Problem)}");
        }
    }
}
