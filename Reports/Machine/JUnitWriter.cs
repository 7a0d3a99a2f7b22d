using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Drills.Reports.AfterAction;
using Drills.Scenarios.RunRecords;

namespace Drills.Reports.Machine;

/// <summary>
/// Drill results as JUnit XML, so a CI pipeline can gate on drills: one <c>testsuite</c> named "drills", one
/// <c>testcase</c> a run (<c>classname</c> the system, <c>name</c> the scenario, <c>time</c> the drill's duration).
/// </summary>
/// <remarks>
/// A drill that completed but missed its target or failed verification is a <c>failure</c> (exit code 1), and so
/// is a drill aborted after its attack began (exit code 4): recovery was not proven, which is what the test
/// asserts. A drill that stopped before the attack, or never recorded an end, is an <c>error</c>: nothing was
/// exercised, as a test whose set-up failed (the CLI's exit code 3). A skipped scheduled fire is <c>skipped</c>.
/// Data lost beyond the system's rpo_target is a <c>failure</c> (type <c>missedRpo</c> when it is the only miss),
/// even in a drill that recovered in time: a recovery objective was missed, which is what a pipeline gates on.
/// The data-loss figures, the copy each restore used, the readiness gate and what cleanup left behind are properties.
/// Text that cannot appear in XML 1.0 (control characters from a container's output) is written as <c>\xNN</c>.
/// </remarks>
internal static class JUnitWriter
{
    public static string Write(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var cases = runs.Select(Case).ToList();
        var counts = new XAttribute[]
        {
            new("tests", runs.Count),
            new("failures", runs.Count(r => Kind(r) == CaseKind.Failure)),
            new("errors", runs.Count(r => Kind(r) == CaseKind.Error)),
            new("skipped", runs.Count(r => Kind(r) == CaseKind.Skipped)),
            new("time", Seconds(runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + Duration(r)))),
        };
        var suite = new XElement("testsuite", new XAttribute("name", "drills"), counts);
        if (runs.Count > 0)
        {
            suite.Add(new XAttribute("timestamp", runs.Min(r => r.StartedAtUtc).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        }

        suite.Add(cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "drills"), counts.Select(a => new XAttribute(a)), suite));

        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            document.Save(writer);
        }

        return text.AppendLine().ToString();
    }

    private enum CaseKind
    {
        Passed,
        Failure,
        Error,
        Skipped,
    }

    private static CaseKind Kind(RunRecord run) => run.Outcome switch
    {
        RunOutcome.Passed when MissedRpo(run) => CaseKind.Failure,
        RunOutcome.Passed => CaseKind.Passed,
        RunOutcome.Failed => CaseKind.Failure,
        RunOutcome.Aborted when AttackFacts.Began(run) => CaseKind.Failure,
        RunOutcome.Skipped => CaseKind.Skipped,
        _ => CaseKind.Error,
    };

    private static XElement Case(RunRecord run)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", Safe(run.SystemId)),
            new XAttribute("name", Safe(run.ScenarioId)),
            new XAttribute("time", Seconds(Duration(run))),
            Properties(run));
        var message = Safe(Verdict.For(run).En);
        var findings = Safe(string.Join("\n", ImprovementPlan.Build(run, null).Actions
            .Select(a => a.Observation is null ? $"- {a.Finding.En}" : $"- {a.Finding.En}\n  observed: {a.Observation}")));
        switch (Kind(run))
        {
            case CaseKind.Failure:
                element.Add(new XElement("failure", new XAttribute("message", message), new XAttribute("type", Type(run)), findings));
                break;
            case CaseKind.Error:
                element.Add(new XElement("error", new XAttribute("message", message), new XAttribute("type", Type(run)), findings));
                break;
            case CaseKind.Skipped:
                element.Add(new XElement("skipped", new XAttribute("message", Safe(run.SkipReason ?? "skipped"))));
                break;
        }

        return element;
    }

    /// <summary>What kind of failure, for tools that group by it: the same words as the CLI's --json "end".</summary>
    private static string Type(RunRecord run) => run switch
    {
        { Outcome: RunOutcome.Failed, RecoveryTime: null } => "notRecovered",
        { Outcome: RunOutcome.Failed } when !run.MetTarget => "missedTarget",
        { Outcome: RunOutcome.Failed, VerificationPassed: false } => "verificationFailed",
        { Outcome: RunOutcome.Passed or RunOutcome.Failed } when MissedRpo(run) => "missedRpo",
        { Outcome: RunOutcome.Failed } => "verificationFailed",
        { Outcome: RunOutcome.Aborted } when !AttackFacts.Began(run) => "notStarted",
        { Outcome: RunOutcome.Aborted } => "aborted",
        _ => "notFinished",
    };

    private static XElement Properties(RunRecord run)
    {
        var properties = new List<(string, string?)>
        {
            ("runId", run.RunId),
            ("outcome", run.Outcome.ToString().ToLowerInvariant()),
            ("scenarioTitle", run.ScenarioTitle),
            ("systemTitle", run.SystemTitle),
            ("securityLevel", run.SecurityLevel.ToString(CultureInfo.InvariantCulture)),
            ("targetSeconds", Seconds(run.RtoTarget)),
            ("recoverySeconds", run.RecoveryTime is { } t ? Seconds(t) : null),
            ("declaredManualSeconds", run.DeclaredManualTime > TimeSpan.Zero ? Seconds(run.DeclaredManualTime) : null),
            ("metTarget", run.MetTarget ? "true" : "false"),
            ("abortReason", run.AbortReason),
            ("reportPath", run.ReportPath),
        };
        properties.AddRange(RecoveryProperties(run));
        return new XElement("properties", properties
            .Where(p => p.Item2 is not null)
            .Select(p => new XElement("property", new XAttribute("name", p.Item1), new XAttribute("value", Safe(p.Item2!)))));
    }

    private static bool MissedRpo(RunRecord run) => run.DataLoss is { MetRpo: false };

    /// <summary>Data loss, restore source, readiness and cleanup, each only when the run recorded it.</summary>
    private static IEnumerable<(string, string?)> RecoveryProperties(RunRecord run)
    {
        if (run.Readiness is { } gate)
        {
            yield return ("readinessPassed", gate.Passed ? "true" : "false");
        }

        if (run.RestoredFrom.Count > 0)
        {
            yield return ("restoredFrom", string.Join("; ", run.RestoredFrom.Select(r => r.Fallback is null
                ? $"{r.BackupId ?? "baseline"} ({r.Copy})"
                : $"{r.BackupId ?? "baseline"} ({r.Copy}, fallback: {r.Fallback})")));
        }

        if (run.DataLoss is { } loss)
        {
            yield return ("dataLossMarkersWritten", loss.MarkersWritten.ToString(CultureInfo.InvariantCulture));
            yield return ("dataLossMarkersLost", loss.MarkersLost.ToString(CultureInfo.InvariantCulture));
            yield return ("dataLossWindowSeconds", Seconds(TimeSpan.FromSeconds(loss.LossWindowSeconds)));
            yield return ("rpoTargetSeconds", loss.RpoTargetSeconds is { } rpo ? Seconds(TimeSpan.FromSeconds(rpo)) : null);
            yield return ("metRpo", loss.MetRpo is { } met ? met ? "true" : "false" : null);
            yield return ("backupDefects", loss.BackupDefects > 0 ? loss.BackupDefects.ToString(CultureInfo.InvariantCulture) : null);
        }

        if (CleanupSection.LeftBehind(run) is { Count: > 0 } left)
        {
            yield return ("cleanupLeftBehind", string.Join(", ", left));
        }
    }

    private static TimeSpan Duration(RunRecord run) =>
        run.EndedAtUtc is { } ended && ended > run.StartedAtUtc ? ended - run.StartedAtUtc : TimeSpan.Zero;

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>XML 1.0 cannot carry most control characters, not even escaped: they are shown as \xNN instead.</summary>
    private static string Safe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(c).Append(text[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                safe.Append(c);
            }
            else
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
        }

        return safe.ToString();
    }

    /// <summary>A string writer that says UTF-8 in the declaration, as the file is written.</summary>
    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    }
}
