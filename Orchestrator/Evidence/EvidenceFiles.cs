namespace Drills.Orchestrator.Evidence;

/// <summary>The files of a run's evidence, as kept in &lt;data-dir&gt;/evidence/&lt;run-id&gt;/ and as members of an exported bundle.</summary>
internal static class EvidenceFiles
{
    public const string Report = "report.html";
    public const string Journal = "journal.jsonl";
    public const string Manifest = "manifest.json";
    public const string Signature = "manifest.p7s";
    public const string SignerCertificate = "signer.pem";
    public const string Instructions = "VERIFY.txt";

    /// <summary>The run as a JUnit test case; every evidence folder written since JUnit output exists has it, and the manifest lists it.</summary>
    public const string JUnit = "junit.xml";

    /// <summary>Every member a bundle must hold; junit.xml is allowed besides when the manifest lists it.</summary>
    public static IReadOnlyList<string> Required { get; } = [Report, Journal, Manifest, Signature, SignerCertificate, Instructions];

    /// <summary>The files the manifest digests, in its subject order (junit.xml after them when present).</summary>
    public static IReadOnlyList<string> Subjects { get; } = [Report, Journal, Instructions];

    /// <summary>The bundle's file name for a run: drills-evidence-&lt;run id&gt;.zip.</summary>
    public static string BundleName(string runId) => $"drills-evidence-{runId}.zip";
}
