using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Says which member a failed signature points at. The signature covers the manifest's digest through its signed
/// attributes, so the attributes are checked against the signer's key alone: when they hold, the signature is
/// whole and a different manifest digest means manifest.json changed; when they do not, manifest.p7s changed.
/// </summary>
internal static class SignatureDamage
{
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";

    /// <summary>The signer certificate of a signature that decodes, or null.</summary>
    public static X509Certificate2? SignerOf(byte[] signature)
    {
        try
        {
            var signed = new SignedCms();
            signed.Decode(signature);
            return signed.SignerInfos.Count > 0 ? signed.SignerInfos[0].Certificate : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The member to blame for a signature that did not verify, and why.</summary>
    public static VerifyFinding Locate(byte[] manifest, byte[] signature, SignatureCheck check)
    {
        SignerInfo signer;
        try
        {
            var signed = new SignedCms(new ContentInfo(manifest), detached: true);
            signed.Decode(signature);
            signer = signed.SignerInfos[0];
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentOutOfRangeException)
        {
            return new VerifyFinding(EvidenceFiles.Signature, $"not a CMS signature ({ex.Message.TrimEnd('.')})");
        }

        if (AttributesHold(signer) is false)
        {
            return new VerifyFinding(EvidenceFiles.Signature, "its signature no longer matches its signed attributes: the signature file was changed");
        }

        if (SignedDigest(signer) is { } digest && !digest.AsSpan().SequenceEqual(SHA256.HashData(manifest)))
        {
            return new VerifyFinding(EvidenceFiles.Manifest, "its SHA-256 is not the digest the signature covers: the manifest was changed after signing");
        }

        return new VerifyFinding(EvidenceFiles.Signature, $"the signature does not verify: {check.Problem}");
    }

    /// <summary>True when the signed attributes verify with the signer's public key; null when the algorithm is not one this check knows.</summary>
    private static bool? AttributesHold(SignerInfo signer)
    {
        if (signer.Certificate is not { } certificate || signer.SignedAttributes.Count == 0)
        {
            return false;
        }

        var hash = signer.DigestAlgorithm.Value switch
        {
            "2.16.840.1.101.3.4.2.1" => HashAlgorithmName.SHA256,
            "2.16.840.1.101.3.4.2.2" => HashAlgorithmName.SHA384,
            "2.16.840.1.101.3.4.2.3" => HashAlgorithmName.SHA512,
            _ => (HashAlgorithmName?)null,
        };
        if (hash is not { } algorithm)
        {
            return null;
        }

        var attributes = EncodedAttributes(signer);
        var value = signer.GetSignature();
        try
        {
            using var ec = certificate.GetECDsaPublicKey();
            if (ec is not null)
            {
                return ec.VerifyData(attributes, value, algorithm, DSASignatureFormat.Rfc3279DerSequence);
            }

            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is not null)
            {
                var padding = signer.SignatureAlgorithm.Value == "1.2.840.113549.1.1.10" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
                return rsa.VerifyData(attributes, value, algorithm, padding);
            }
        }
        catch (CryptographicException)
        {
            return false;
        }

        return null;
    }

    /// <summary>The signed attributes as signed: a DER SET OF Attribute.</summary>
    private static byte[] EncodedAttributes(SignerInfo signer)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            foreach (var attribute in signer.SignedAttributes)
            {
                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(attribute.Oid.Value!);
                    using (writer.PushSetOf())
                    {
                        foreach (var value in attribute.Values)
                        {
                            writer.WriteEncodedValue(value.RawData);
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }

    private static byte[]? SignedDigest(SignerInfo signer)
    {
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value == MessageDigestOid && attribute.Values.Count > 0)
            {
                var digest = new Pkcs9MessageDigest();
                digest.CopyFrom(attribute.Values[0]);
                return digest.MessageDigest;
            }
        }

        return null;
    }
}
