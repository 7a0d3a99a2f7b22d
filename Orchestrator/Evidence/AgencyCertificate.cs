using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// An agency's own signing certificate from a PKCS#12 (.p12/.pfx) file: the certificate with its private key,
/// and the chain certificates the file carries, ordered from the signer's issuer upwards.
/// </summary>
internal sealed record AgencyCertificate(X509Certificate2 Signer, X509Certificate2Collection Chain)
{
    private static readonly byte[] Probe = "drills signing probe"u8.ToArray();

    /// <exception cref="SigningCertificateException">The file cannot sign, with the reason and the fix.</exception>
    public static AgencyCertificate Load(string path, string? password, TimeProvider clock)
    {
        var bytes = Read(path);
        CheckPassword(path, bytes, password);
        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw Refused(path, $"cannot be read as PKCS#12: {ex.Message}", "export the certificate again as a .p12 file with its private key", ex);
        }

        var signer = all.FirstOrDefault(c => c.HasPrivateKey && !IsAuthority(c)) ?? all.FirstOrDefault(c => c.HasPrivateKey);
        if (signer is null)
        {
            Dispose(all);
            throw Refused(path, "holds no private key",
                "export the signing certificate together with its private key (in the export dialog: \"export the private key\", or openssl pkcs12 -export -inkey KEY -in CERT)");
        }

        try
        {
            CheckUsable(path, signer, clock);
        }
        catch
        {
            Dispose(all);
            throw;
        }

        return new AgencyCertificate(signer, ChainOf(signer, all));
    }

    private static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw Refused(path, "does not exist",
                $"give the path of the agency's .p12 file to --signing-cert or {SigningSettings.CertificateVariable}, or leave both out to sign with drills' own certificate");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Refused(path, $"cannot be read: {ex.Message}", "let the user drills runs as read the file", ex);
        }
    }

    private static void CheckPassword(string path, byte[] bytes, string? password)
    {
        Pkcs12Info info;
        try
        {
            info = Pkcs12Info.Decode(bytes, out _, skipCopy: true);
        }
        catch (CryptographicException ex)
        {
            throw Refused(path, "is not a PKCS#12 (.p12/.pfx) file", "export the signing certificate with its private key as a .p12 file", ex);
        }

        var matches = info.IntegrityMode != Pkcs12IntegrityMode.Password
            || info.VerifyMac(password)
            || (password is null && info.VerifyMac(string.Empty));
        if (!matches)
        {
            throw Refused(path, password is null ? "needs a password" : "does not open with the password given",
                $"put the file's password in {SigningSettings.PasswordVariable}");
        }
    }

    private static void CheckUsable(string path, X509Certificate2 signer, TimeProvider clock)
    {
        if (CertificateValidity.ProblemAt(signer, clock.GetUtcNow()) is { } validity)
        {
            throw Refused(path, $"holds the certificate {signer.Subject}, which {validity}",
                "renew the signing certificate with the agency's certificate provider and export the new one as a .p12 file");
        }

        if (signer.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
        {
            throw Refused(path, $"holds the certificate {signer.Subject}, whose key usage ({usage.KeyUsages}) does not allow signing",
                "use a certificate issued for digital signatures (key usage digitalSignature or nonRepudiation)");
        }

        if (!CanSign(signer))
        {
            throw Refused(path, $"holds the certificate {signer.Subject}, whose private key cannot sign (drills signs with RSA or ECDSA keys)",
                "use an RSA or ECDSA signing certificate exported with its private key");
        }
    }

    private static bool CanSign(X509Certificate2 signer)
    {
        try
        {
            using var ecdsa = signer.GetECDsaPrivateKey();
            if (ecdsa is not null)
            {
                return ecdsa.SignData(Probe, HashAlgorithmName.SHA256).Length > 0;
            }

            using var rsa = signer.GetRSAPrivateKey();
            return rsa is not null && rsa.SignData(Probe, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Length > 0;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The other certificates, the signer's issuer first and so on upwards, then any left over.</summary>
    private static X509Certificate2Collection ChainOf(X509Certificate2 signer, X509Certificate2Collection all)
    {
        var rest = all.Where(c => !ReferenceEquals(c, signer)).ToList();
        var chain = new X509Certificate2Collection();
        var current = signer;
        while (current.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) is false
               && rest.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData)) is { } issuer)
        {
            chain.Add(issuer);
            rest.Remove(issuer);
            current = issuer;
        }

        chain.AddRange(rest.ToArray());
        return chain;
    }

    private static bool IsAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);

    private static void Dispose(X509Certificate2Collection certificates)
    {
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }
    }

    private static SigningCertificateException Refused(string path, string problem, string fix, Exception? inner = null) =>
        new($"The signing certificate file {path} {problem}", fix, inner);
}
