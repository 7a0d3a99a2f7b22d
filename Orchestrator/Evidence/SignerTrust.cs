using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Whether a signer certificate is one the verifier trusts: the very certificate, or one that chains to a
/// trusted certificate through the certificates the signature carries. Offline: no revocation check, no downloads.
/// </summary>
internal static class SignerTrust
{
    /// <returns>Null when trusted, else the problem as a phrase.</returns>
    public static string? ProblemOf(X509Certificate2 signer, X509Certificate2Collection carried, string trustedPem, DateTimeOffset? signedAt)
    {
        var trusted = new X509Certificate2Collection();
        try
        {
            trusted.ImportFromPem(trustedPem);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return $"the trusted certificates cannot be read as PEM ({ex.Message})";
        }

        try
        {
            if (trusted.Count == 0)
            {
                return "no trusted certificate was given to check the signer against";
            }

            if (signedAt is { } at && CertificateValidity.ProblemAt(signer, at) is { } validity)
            {
                return $"the signer certificate {signer.Subject} {validity}, and the signature was made on {at:yyyy-MM-dd HH:mm:ss} UTC";
            }

            return trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(signer.RawDataMemory.Span))
                ? null
                : ChainProblem(signer, carried, trusted, signedAt);
        }
        finally
        {
            foreach (var certificate in trusted)
            {
                certificate.Dispose();
            }
        }
    }

    private static string? ChainProblem(X509Certificate2 signer, X509Certificate2Collection carried, X509Certificate2Collection trusted, DateTimeOffset? signedAt)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(trusted);
        policy.ExtraStore.AddRange(carried);
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        if (signedAt is { } at)
        {
            policy.VerificationTime = at.UtcDateTime;
        }
        else
        {
            policy.VerificationTimeIgnored = true;
        }

        if (chain.Build(signer))
        {
            return null;
        }

        var statuses = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
        return $"the signer certificate {signer.Subject} does not chain to a trusted certificate ({string.Join("; ", statuses)})";
    }
}
