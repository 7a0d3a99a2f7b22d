using System.Security.Cryptography;
using System.Text;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Checks a run's evidence offline: every expected member is there and nothing else, the signature over the
/// manifest verifies against signer.pem (or a CA the verifier names), every subject's SHA-256 matches, and the
/// journal's whole chain holds and ends at the head the manifest states. Every failure names its member, and
/// for the journal its event number and line.
/// </summary>
internal static class BundleVerifier
{
    /// <param name="members">The files, as read from a bundle or an evidence folder.</param>
    /// <param name="trustedPem">Certificates to demand the signer chain to (a CA file); null trusts the bundle's own signer.pem.</param>
    public static VerifyReport Verify(IReadOnlyList<EvidenceMember> members, string? trustedPem)
    {
        var findings = new List<VerifyFinding>();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!files.TryAdd(member.Name, member.Content))
            {
                findings.Add(new VerifyFinding(member.Name, "the member appears more than once"));
            }
        }

        var manifest = ReadManifest(files, findings);
        var allowed = EvidenceFiles.Required.Concat(manifest?.Subjects.Select(s => s.Name).Where(n => n == EvidenceFiles.JUnit) ?? []).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(EvidenceFiles.Required.Where(name => !files.ContainsKey(name)).Select(name => new VerifyFinding(name, "missing from the bundle")));
        findings.AddRange(files.Keys.Where(name => !allowed.Contains(name)).Order(StringComparer.Ordinal)
            .Select(name => new VerifyFinding(name, "unexpected member: an evidence bundle holds only " + string.Join(", ", EvidenceFiles.Required))));

        var signature = CheckSignature(files, trustedPem, findings);
        if (manifest is not null)
        {
            CheckSubjects(manifest, files, findings);
        }

        var head = files.TryGetValue(EvidenceFiles.Journal, out var journal) ? CheckJournal(journal, manifest, findings) : null;
        return new VerifyReport(manifest?.RunId, findings, signature, head);
    }

    private static ManifestReading? ReadManifest(Dictionary<string, byte[]> files, List<VerifyFinding> findings)
    {
        if (!files.TryGetValue(EvidenceFiles.Manifest, out var bytes))
        {
            return null;
        }

        try
        {
            return ManifestReading.Parse(bytes);
        }
        catch (InvalidDataException ex)
        {
            findings.Add(new VerifyFinding(EvidenceFiles.Manifest, ex.Message));
            return null;
        }
    }

    private static SignatureCheck? CheckSignature(Dictionary<string, byte[]> files, string? trustedPem, List<VerifyFinding> findings)
    {
        if (!files.TryGetValue(EvidenceFiles.Manifest, out var manifest) || !files.TryGetValue(EvidenceFiles.Signature, out var signature))
        {
            return null;
        }

        var signerPem = files.TryGetValue(EvidenceFiles.SignerCertificate, out var pem) ? Encoding.UTF8.GetString(pem) : null;
        if (signerPem is not null && SignatureDamage.SignerOf(signature) is { } signer && !HoldsCertificate(signerPem, signer))
        {
            findings.Add(new VerifyFinding(EvidenceFiles.SignerCertificate, "it does not hold the certificate in manifest.p7s: one of the two was changed or replaced"));
        }

        if ((trustedPem ?? signerPem) is not { } trusted)
        {
            return null;
        }

        var check = EvidenceSignature.Verify(manifest, signature, trusted);
        if (!check.Valid)
        {
            var blamed = SignatureDamage.Locate(manifest, signature, check);
            findings.Add(trustedPem is not null && blamed.Member == EvidenceFiles.Signature
                ? blamed with { Problem = $"the signature does not verify against the CA given with --ca: {check.Problem}" }
                : blamed);
        }

        return check;
    }

    private static bool HoldsCertificate(string pem, System.Security.Cryptography.X509Certificates.X509Certificate2 signer)
    {
        try
        {
            var certificates = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
            certificates.ImportFromPem(pem);
            return certificates.Count > 0 && certificates[0].RawData.AsSpan().SequenceEqual(signer.RawData);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static void CheckSubjects(ManifestReading manifest, Dictionary<string, byte[]> files, List<VerifyFinding> findings)
    {
        foreach (var name in EvidenceFiles.Subjects.Where(n => manifest.Subjects.All(s => s.Name != n)))
        {
            findings.Add(new VerifyFinding(EvidenceFiles.Manifest, $"it does not list {name} among its subjects"));
        }

        foreach (var subject in manifest.Subjects)
        {
            if (!files.TryGetValue(subject.Name, out var content))
            {
                // The required members are reported missing already; a listed extra (junit.xml) is checked here.
                if (!EvidenceFiles.Required.Contains(subject.Name))
                {
                    findings.Add(new VerifyFinding(subject.Name, "listed in the manifest but missing from the bundle"));
                }
            }
            else if (Sha256(content) is var actual && !string.Equals(actual, subject.Sha256, StringComparison.Ordinal))
            {
                findings.Add(new VerifyFinding(subject.Name, $"its SHA-256 is {actual}, the manifest says {subject.Sha256}"));
            }
        }
    }

    private static ChainHead? CheckJournal(byte[] journal, ManifestReading? manifest, List<VerifyFinding> findings)
    {
        var (events, malformed) = JournalFile.Read(journal);
        var chain = JournalChain.Verify(events, manifest?.JournalHead);
        foreach (var broken in malformed.Concat(chain.Breaks).OrderBy(b => b.Line))
        {
            findings.Add(new VerifyFinding(EvidenceFiles.Journal, $"{broken.Fault.ToString().ToLowerInvariant()}: {broken.Detail}", broken.Event, broken.Line));
        }

        var lines = journal.Count(b => b == (byte)'\n') + (journal.Length > 0 && journal[^1] != (byte)'\n' ? 1 : 0);
        if (manifest?.JournalEvents is { } expected && expected != lines)
        {
            findings.Add(new VerifyFinding(EvidenceFiles.Journal, $"it holds {lines} event lines, the manifest says {expected}"));
        }

        return chain.Head;
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
