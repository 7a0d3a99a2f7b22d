using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace Drills.Orchestrator.Evidence;

/// <summary>The RFC 3161 timestamp a signature carries, checked against that signature, or why it does not hold.</summary>
internal readonly record struct SignatureTimestamp(DateTimeOffset? Time, string? Problem)
{
    public static SignatureTimestamp Read(SignerInfo signerInfo)
    {
        var attributes = signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>().ToList();
        if (attributes.FirstOrDefault(a => a.Oid.Value != TimestampClient.TimestampTokenOid) is { } unknown)
        {
            // Nothing drills writes goes there besides a token; an unknown one may be a token whose name was changed.
            return new SignatureTimestamp(null, $"the signature carries an unsigned attribute {unknown.Oid.Value} that is not a timestamp token");
        }

        var tokens = attributes.SelectMany(a => a.Values.Cast<AsnEncodedData>()).ToList();
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

        if (SignatureShape.TokenProblemOf(tokens[0].RawData, token.AsSignedCms()) is { } shape)
        {
            return new SignatureTimestamp(null, shape);
        }

        return token.VerifySignatureForSignerInfo(signerInfo, out _)
            ? new SignatureTimestamp(token.TokenInfo.Timestamp.ToUniversalTime(), null)
            : new SignatureTimestamp(null, "the signature's timestamp token does not match the signature (the signature or the token was changed)");
    }
}
