using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Drills.Orchestrator.Evidence;

/// <summary>The RFC 3161 timestamp a signature carries, checked against that signature, or why it does not hold.</summary>
internal readonly record struct SignatureTimestamp(DateTimeOffset? Time, string? Problem)
{
    public static SignatureTimestamp Read(SignerInfo signerInfo)
    {
        var tokens = signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == TimestampClient.TimestampTokenOid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .ToList();
        if (tokens.Count == 0)
        {
            return default;
        }

        if (tokens.Count > 1)
        {
            return new SignatureTimestamp(null, $"the signature carries {tokens.Count} timestamp tokens where at most one is expected");
        }

        if (!Rfc3161TimestampToken.TryDecode(tokens[0].RawData, out var token, out _))
        {
            return new SignatureTimestamp(null, "the signature's timestamp token cannot be read");
        }

        return token.VerifySignatureForSignerInfo(signerInfo, out _)
            ? new SignatureTimestamp(token.TokenInfo.Timestamp.ToUniversalTime(), null)
            : new SignatureTimestamp(null, "the signature's timestamp token does not match the signature (the signature or the token was changed)");
    }
}
