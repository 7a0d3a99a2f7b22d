using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>Checks a detached evidence signature offline, against certificates the verifier chooses to trust.</summary>
internal static class EvidenceSignature
{
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    /// <summary>
    /// Offline check of a detached DER CMS signature over content: the signature is valid and its signer
    /// certificate is, or chains to, one of the certificates in trustedPem (signer.pem of a bundle, or a CA file).
    /// The certificate is judged at the time the signature was made (its timestamp, else its signing time), so
    /// an old bundle still verifies after its signer expired; revocation is not checked (offline).
    /// </summary>
    public static SignatureCheck Verify(byte[] content, byte[] signatureDer, string trustedPem)
    {
        try
        {
            return Check(content, signatureDer, trustedPem);
        }
        catch (CryptographicException ex)
        {
            // Decoding is lazy: a damaged certificate or attribute inside the signature surfaces only when read.
            return Failed($"the signature is damaged or not DER CMS signed data ({ex.Message})");
        }
    }

    private static SignatureCheck Check(byte[] content, byte[] signatureDer, string trustedPem)
    {
        var signed = new SignedCms(new ContentInfo(content), detached: true);
        signed.Decode(signatureDer);
        if (signed.SignerInfos.Count != 1)
        {
            return Failed($"the signature has {signed.SignerInfos.Count} signers where one is expected");
        }

        var signerInfo = signed.SignerInfos[0];
        if (signerInfo.Certificate is not { } signer)
        {
            return Failed("the signature does not carry its signer's certificate");
        }

        try
        {
            signerInfo.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Failed("the signature does not match the signed content (the content or the signature was changed)", signer);
        }

        if (SignatureShape.ProblemOf(signatureDer, signed, signerInfo) is { } shapeProblem)
        {
            return Failed(shapeProblem, signer);
        }

        var timestamp = SignatureTimestamp.Read(signerInfo);
        if (timestamp.Problem is { } timestampProblem)
        {
            return Failed(timestampProblem, signer);
        }

        var trustProblem = SignerTrust.ProblemOf(signer, signed.Certificates, trustedPem, timestamp.Time ?? SigningTimeOf(signerInfo));
        return trustProblem is null
            ? new SignatureCheck(true, null, signer.Subject, Fingerprint(signer), timestamp.Time)
            : Failed(trustProblem, signer);
    }

    private static DateTimeOffset? SigningTimeOf(SignerInfo signerInfo) =>
        signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == SigningTimeOid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => new Pkcs9SigningTime(v.RawData))
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();

    private static string Fingerprint(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));

    private static SignatureCheck Failed(string problem, X509Certificate2? signer = null) =>
        new(false, problem, signer?.Subject, signer is null ? null : Fingerprint(signer), null);
}
