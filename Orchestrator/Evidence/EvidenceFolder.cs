using System.Text;
using Drills.Reports.Files;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// A run's evidence in the data directory, &lt;data-dir&gt;/evidence/&lt;run id&gt;/: the files are written private
/// (0700 folder, 0600 files, each replaced whole), the manifest last, so a folder with a manifest is complete;
/// the signature and signer.pem come after, and are missing when signing failed (drills export signs then).
/// </summary>
internal sealed class EvidenceFolder(string path)
{
    public string Path { get; } = path;

    public static EvidenceFolder For(string evidenceRoot, string runId)
    {
        if (string.IsNullOrWhiteSpace(runId) || runId.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || runId.StartsWith('.') || runId.Contains(".."))
        {
            throw new ArgumentException($"Run id '{runId}' cannot name an evidence folder.", nameof(runId));
        }

        return new EvidenceFolder(System.IO.Path.Combine(evidenceRoot, runId));
    }

    /// <summary>True once the manifest is written: the evidence is complete and is never written again.</summary>
    public bool IsWritten => File.Exists(FileOf(EvidenceFiles.Manifest));

    public bool IsSigned => File.Exists(FileOf(EvidenceFiles.Signature)) && File.Exists(FileOf(EvidenceFiles.SignerCertificate));

    public string FileOf(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes the report copy, the chained journal, VERIFY.txt and the run as JUnit XML, then the manifest over them; returns the manifest's bytes.</summary>
    /// <param name="junit">The run as a JUnit test case (junit.xml), so a pipeline reads the bundle's verdict too.</param>
    /// <param name="facts">The manifest's facts, given the subjects once their digests are known.</param>
    public async Task<byte[]> WriteAsync(byte[] report, IReadOnlyList<JournalEvent> chainedJournal, byte[] junit,
        Func<IReadOnlyList<ManifestSubject>, ManifestFacts> facts, CancellationToken cancellationToken)
    {
        PrivateFiles.CreateFolder(Path);
        var files = new List<EvidenceMember>
        {
            new(EvidenceFiles.Report, report),
            new(EvidenceFiles.Journal, JournalFile.Write(chainedJournal)),
            new(EvidenceFiles.Instructions, VerifyText.For(System.IO.Path.GetFileName(Path))),
            new(EvidenceFiles.JUnit, junit),
        };
        foreach (var file in files)
        {
            await PrivateFiles.ReplaceAsync(FileOf(file.Name), file.Content, cancellationToken);
        }

        var manifest = RunManifest.Write(facts([.. files.Select(f => new ManifestSubject(f.Name, BundleVerifier.Sha256(f.Content)))]));
        await PrivateFiles.ReplaceAsync(FileOf(EvidenceFiles.Manifest), manifest, cancellationToken);
        return manifest;
    }

    /// <summary>Signs the manifest: signer.pem, then manifest.p7s (the signature's presence means signed).</summary>
    public async Task SignAsync(EvidenceSigner signer, CancellationToken cancellationToken)
    {
        var signature = await SignatureOfAsync(signer, cancellationToken);
        await PrivateFiles.ReplaceAsync(FileOf(EvidenceFiles.SignerCertificate), new UTF8Encoding(false).GetBytes(signer.CertificatePem), cancellationToken);
        await PrivateFiles.ReplaceAsync(FileOf(EvidenceFiles.Signature), signature, cancellationToken);
    }

    /// <summary>A detached signature of this folder's manifest, not stored (a bundle signed with another certificate).</summary>
    public async Task<byte[]> SignatureOfAsync(EvidenceSigner signer, CancellationToken cancellationToken) =>
        await signer.SignDetachedAsync(await ReadAsync(EvidenceFiles.Manifest, cancellationToken), cancellationToken);

    /// <summary>Every evidence file present, in bundle order.</summary>
    public async Task<IReadOnlyList<EvidenceMember>> MembersAsync(CancellationToken cancellationToken)
    {
        var members = new List<EvidenceMember>();
        foreach (var name in EvidenceFiles.Required.Append(EvidenceFiles.JUnit).Where(n => File.Exists(FileOf(n))))
        {
            members.Add(new EvidenceMember(name, await ReadAsync(name, cancellationToken)));
        }

        return members;
    }

    private async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var file = PrivateFiles.OpenRead(FileOf(name));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
