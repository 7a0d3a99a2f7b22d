using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// The parts of CMS SignedData the signature value does not cover — version numbers, the digest algorithm list,
/// the content type — checked against what they must be, so that a changed byte there is found too and an
/// evidence signature has exactly one valid encoding.
/// </summary>
internal static class SignatureShape
{
    private const string DataContentType = "1.2.840.113549.1.7.1";
    private const string ContentTypeAttribute = "1.2.840.113549.1.9.3";

    /// <returns>Null when every unsigned field is as RFC 5652 requires for one signer over detached data, else the problem.</returns>
    public static string? ProblemOf(byte[] signatureDer, SignedCms signed, SignerInfo signerInfo)
    {
        var signerVersion = signerInfo.SignerIdentifier.Type == SubjectIdentifierType.SubjectKeyIdentifier ? 3 : 1;
        if (signerInfo.Version != signerVersion || signed.Version != signerVersion)
        {
            return $"the signature's version numbers ({signed.Version}, {signerInfo.Version}) are not the ones its signer requires";
        }

        var header = Header.Read(signatureDer);
        if (header.ContentType != DataContentType || header.CarriesContent)
        {
            return $"the signature is not over detached plain data (content type {header.ContentType})";
        }

        var typeAttributes = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == ContentTypeAttribute)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => new Pkcs9ContentType { RawData = v.RawData }.ContentType.Value)
            .ToList();
        if (signerInfo.SignedAttributes.Count > 0 && typeAttributes is not [DataContentType])
        {
            return "the signature's signed content type does not say plain data";
        }

        return header.DigestAlgorithms is [var only] && only == signerInfo.DigestAlgorithm.Value
            ? null
            : $"the signature's digest algorithm list ({string.Join(", ", header.DigestAlgorithms)}) is not its signer's {signerInfo.DigestAlgorithm.Value}";
    }

    /// <summary>
    /// SignedData's digestAlgorithms and encapContentInfo, read strictly as DER: .NET takes a detached
    /// signature's content type from the caller, never from these bytes.
    /// </summary>
    private sealed record Header(List<string> DigestAlgorithms, string ContentType, bool CarriesContent)
    {
        public static Header Read(byte[] signatureDer)
        {
            try
            {
                var contentInfo = new AsnReader(signatureDer, AsnEncodingRules.DER).ReadSequence();
                contentInfo.ReadObjectIdentifier();
                var signedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
                signedData.ReadInteger();
                var set = signedData.ReadSetOf();
                var oids = new List<string>();
                while (set.HasData)
                {
                    var algorithm = set.ReadSequence();
                    oids.Add(algorithm.ReadObjectIdentifier());
                    if (algorithm.HasData)
                    {
                        algorithm.ReadNull();
                    }

                    algorithm.ThrowIfNotEmpty();
                }

                var encapsulated = signedData.ReadSequence();
                return new Header(oids, encapsulated.ReadObjectIdentifier(), encapsulated.HasData);
            }
            catch (AsnContentException ex)
            {
                throw new CryptographicException($"the signed data header cannot be read: {ex.Message}", ex);
            }
        }
    }
}
