using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>A small PKI made with .NET, as an agency's certificate provider would issue: a CA and the certificates it signs.</summary>
internal static class TestCertificates
{
    /// <summary>Wide enough that openssl, which checks at the real time, accepts them for decades.</summary>
    public static readonly DateTimeOffset From = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Until = new(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Oid TimeStamping = new("1.3.6.1.5.5.7.3.8");

    public static X509Certificate2 Authority(string name, X509Certificate2? issuer = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Test Agency CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(From, Until);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer, From, Until, RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 Leaf(X509Certificate2 issuer, string name, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature,
        DateTimeOffset? from = null, DateTimeOffset? until = null, bool timeStamping = false)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=Test Agency", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (timeStamping)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([TimeStamping], true));
        }

        using var issued = request.Create(issuer, from ?? From, until ?? Until, RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A password-protected .p12 of the certificates as given (the first with its key when it has one).</summary>
    public static string WriteP12(string path, string password, params X509Certificate2[] certificates)
    {
        var collection = new X509Certificate2Collection(certificates);
        File.WriteAllBytes(path, collection.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return path;
    }

    /// <summary>The certificate alone, without its key, as the PEM a verifier trusts.</summary>
    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";
}
