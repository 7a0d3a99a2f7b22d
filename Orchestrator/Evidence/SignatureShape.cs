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
    private const string TimestampInfoContentType = "1.2.840.113549.1.9.16.1.4";
    private const string ContentTypeAttribute = "1.2.840.113549.1.9.3";

    /// <returns>Null when every unsigned field is as RFC 5652 requires for one signer over detached data, else the problem.</returns>
    public static string? ProblemOf(byte[] signatureDer, SignedCms signed, SignerInfo signerInfo) =>
        ProblemOf("the signature", signatureDer, signed, signerInfo, DataContentType, detached: true);

    /// <returns>Null when the RFC 3161 token (SignedData over its own TSTInfo) has the shape RFC 5652 requires, else the problem.</returns>
    public static string? TokenProblemOf(byte[] tokenDer, SignedCms token) =>
        token.SignerInfos.Count == 1
            ? ProblemOf("the timestamp token", tokenDer, token, token.SignerInfos[0], TimestampInfoContentType, detached: false)
            : $"the timestamp token has {token.SignerInfos.Count} signers where one is expected";

    private static string? ProblemOf(string what, byte[] der, SignedCms signed, SignerInfo signerInfo, string contentType, bool detached)
    {
        var signerVersion = signerInfo.SignerIdentifier.Type == SubjectIdentifierType.SubjectKeyIdentifier ? 3 : 1;
        var signedVersion = signerVersion == 3 || contentType != DataContentType ? 3 : 1;
        if (signerInfo.Version != signerVersion || signed.Version != signedVersion)
        {
            return $"{what}'s version numbers ({signed.Version}, {signerInfo.Version}) are not the ones its signer requires";
        }

        var header = Header.Read(der);
        if (header.ContentType != contentType || header.CarriesContent == detached)
        {
            return $"{what} is not over the content it must sign (content type {header.ContentType})";
        }

        var typeAttributes = signerInfo.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == ContentTypeAttribute)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => new Pkcs9ContentType { RawData = v.RawData }.ContentType.Value)
            .ToList();
        if (signerInfo.SignedAttributes.Count > 0 && (typeAttributes.Count != 1 || typeAttributes[0] != contentType))
        {
            return $"{what}'s signed content type is not {contentType}";
        }

        return header.DigestAlgorithms is [var only] && only == signerInfo.DigestAlgorithm.Value
            ? null
            : $"{what}'s digest algorithm list ({string.Join(", ", header.DigestAlgorithms)}) is not its signer's {signerInfo.DigestAlgorithm.Value}";
    }

    /// <summary>
    /// SignedData's digestAlgorithms and encapContentInfo (and its signer's digest algorithm parameters), read strictly as DER: .NET takes a detached
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
                    oids.Add(ReadAlgorithm(set.ReadSequence()));
                }

                var encapsulated = signedData.ReadSequence();
                var contentType = encapsulated.ReadObjectIdentifier();
                var carriesContent = encapsulated.HasData;
                SkipOptional(signedData, 0);
                SkipOptional(signedData, 1);
                var signerInfo = signedData.ReadSetOf().ReadSequence();
                signerInfo.ReadInteger();
                signerInfo.ReadEncodedValue();
                ReadAlgorithm(signerInfo.ReadSequence());
                return new Header(oids, contentType, carriesContent);
            }
            catch (AsnContentException ex)
            {
                throw new CryptographicException($"the signed data header cannot be read: {ex.Message}", ex);
            }
        }

        /// <summary>A digest AlgorithmIdentifier: its OID, and parameters absent or NULL as RFC 5754 allows, nothing else.</summary>
        private static string ReadAlgorithm(AsnReader algorithm)
        {
            var oid = algorithm.ReadObjectIdentifier();
            if (algorithm.HasData)
            {
                algorithm.ReadNull();
            }

            algorithm.ThrowIfNotEmpty();
            return oid;
        }

        private static void SkipOptional(AsnReader reader, int tag)
        {
            if (reader.HasData && reader.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, tag)))
            {
                reader.ReadEncodedValue();
            }
        }
    }
}
