using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Signs evidence as detached CMS SignedData (DER) that <c>openssl cms -verify</c> checks as well as drills does.
/// </summary>
internal sealed class EvidenceSigner : IDisposable
{
    private const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>The certificates between the signer and its CA that came with an agency's .p12, sent along in every signature.</summary>
    private readonly X509Certificate2Collection _chain;
    private readonly Uri? _timestampAuthority;
    private readonly TimeProvider _clock;

    private EvidenceSigner(X509Certificate2 certificate, X509Certificate2Collection chain, Uri? timestampAuthority, TimeProvider clock)
    {
        Certificate = certificate;
        _chain = chain;
        _timestampAuthority = timestampAuthority;
        _clock = clock;
        CertificatePem = string.Concat(new[] { certificate }.Concat(chain).Select(c => c.ExportCertificatePem() + "\n"));
        FingerprintSha256 = Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>The signing certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The content of signer.pem in a bundle: the signer certificate, then any chain certificates from the .p12.</summary>
    public string CertificatePem { get; }

    public string Subject => Certificate.Subject;

    /// <summary>Lower-case hex SHA-256 of the DER certificate.</summary>
    public string FingerprintSha256 { get; }

    /// <summary>
    /// The agency's .p12 when settings name one, else the default self-signed ECDSA P-256 signer kept in
    /// &lt;dataDirectory&gt;/signing/ (created on first use; key 0600; certificate also exported as signer.pem there).
    /// </summary>
    /// <exception cref="SigningCertificateException">The named .p12 cannot sign (missing, wrong password, no key, out of validity).</exception>
    /// <exception cref="SigningStoreException">The default signer cannot be read or created.</exception>
    public static EvidenceSigner Open(SigningSettings settings, string dataDirectory, TimeProvider clock)
    {
        if (settings.Pkcs12Path is { } path)
        {
            var agency = AgencyCertificate.Load(path, settings.Pkcs12Password, clock);
            return new EvidenceSigner(agency.Signer, agency.Chain, settings.TimestampAuthority, clock);
        }

        var signer = DefaultSigner.OpenOrCreate(dataDirectory, clock);
        return new EvidenceSigner(signer, [], settings.TimestampAuthority, clock);
    }

    /// <summary>Detached CMS SignedData, DER; carries an RFC 3161 timestamp token when the settings name a TSA.</summary>
    /// <exception cref="TimestampFailedException">The time-stamp authority gave no usable token.</exception>
    public async Task<byte[]> SignDetachedAsync(byte[] content, CancellationToken cancellationToken)
    {
        var signed = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(_chain);
        signer.SignedAttributes.Add(new Pkcs9SigningTime(_clock.GetUtcNow().UtcDateTime));
        signed.ComputeSignature(signer, silent: true);

        if (_timestampAuthority is { } authority)
        {
            var token = await TimestampClient.RequestAsync(signed.SignerInfos[0], authority, _clock, cancellationToken);
            signed.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData(TimestampClient.TimestampTokenOid, token));
        }

        return signed.Encode();
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var certificate in _chain)
        {
            certificate.Dispose();
        }
    }
}
