using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>RFC 3161 timestamps from a real local time-stamp authority answered by <c>openssl ts</c>.</summary>
public sealed class TimestampTests : IDisposable
{
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""{"predicate":{"run":"r-ts"}}""");

    private readonly string _folder = Directory.CreateTempSubdirectory("drills-tsa-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_signature_with_a_tsa_carries_a_token_whose_time_verify_reports()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"));
        using var signer = Open(tsa.Address);

        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var check = EvidenceSignature.Verify(Manifest, signature, signer.CertificatePem);
        Assert.True(check.Valid, check.Problem);
        Assert.Equal(tsa.Issued.Single(), check.TimestampUtc);
    }

    [Fact]
    public async Task Openssl_verifies_the_token_over_the_signature_value_and_the_signature_over_the_content()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"));
        using var signer = Open(tsa.Address);
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var signerInfo = Decode(signature).SignerInfos[0];
        var token = signerInfo.UnsignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.16.2.14").Values[0].RawData;
        await File.WriteAllBytesAsync(Path.Combine(_folder, "token.der"), token);
        await File.WriteAllTextAsync(Path.Combine(_folder, "tsa-ca.pem"), tsa.CaPem);
        var imprint = Convert.ToHexStringLower(SHA256.HashData(signerInfo.GetSignature()));

        var tokenCheck = await OpenSsl.RunAsync(_folder, "ts", "-verify", "-digest", imprint, "-in", "token.der", "-token_in", "-CAfile", "tsa-ca.pem");
        var cmsCheck = await OpenSsl.CmsVerifyAsync(_folder, Manifest, signature, signer.CertificatePem);

        Assert.True(tokenCheck.ExitCode == 0, tokenCheck.ToString());
        Assert.True(cmsCheck.ExitCode == 0, cmsCheck.ToString());
    }

    /// <summary>
    /// Every byte counts except those of CA certificates an authority adds to its token for convenience: no
    /// signature covers them and verify does not judge the authority's chain (see README).
    /// </summary>
    [Fact]
    public async Task One_changed_byte_anywhere_in_a_timestamped_signature_fails_verify()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"));
        using var signer = Open(tsa.Address);
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);
        var uncovered = AuthorityCaCertificates(signature).ToList();

        var passing = Enumerable.Range(0, signature.Length)
            .Where(i => !uncovered.Any(range => i >= range.Start && i < range.End))
            .Where(i => EvidenceSignature.Verify(Manifest, EvidenceSignatureTests.Flipped(signature, i), signer.CertificatePem).Valid)
            .ToList();

        Assert.Single(uncovered);
        Assert.Empty(passing);
    }

    [Fact]
    public async Task A_token_moved_onto_another_signature_fails_verify()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"));
        using var signer = Open(tsa.Address);
        var stamped = Decode(await signer.SignDetachedAsync(Manifest, CancellationToken.None));
        var token = stamped.SignerInfos[0].UnsignedAttributes.Cast<CryptographicAttributeObject>().Single().Values[0];
        using var plain = EvidenceSigner.Open(SigningSettings.Default, Path.Combine(_folder, "data"), _clock);
        var other = Decode(await plain.SignDetachedAsync(Manifest, CancellationToken.None));

        other.SignerInfos[0].AddUnsignedAttribute(token);
        var check = EvidenceSignature.Verify(Manifest, other.Encode(), plain.CertificatePem);

        Assert.False(check.Valid);
        Assert.Contains("timestamp token does not match the signature", check.Problem);
    }

    [Fact]
    public async Task A_tsa_answering_garbage_is_a_typed_error_naming_it()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"), LocalTimestampAuthority.Behaviour.Garbage);
        using var signer = Open(tsa.Address);

        var error = await Assert.ThrowsAsync<TimestampFailedException>(() => signer.SignDetachedAsync(Manifest, CancellationToken.None));

        Assert.Equal(ExitCodes.Environment, error.ExitCode);
        Assert.Contains(tsa.Address.ToString(), error.Problem);
        Assert.Contains("did not answer with a valid timestamp", error.Problem);
        Assert.Contains("--tsa", error.Fix);
    }

    [Fact]
    public async Task A_tsa_answering_an_http_error_is_a_typed_error_with_the_status()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"), LocalTimestampAuthority.Behaviour.Unavailable);
        using var signer = Open(tsa.Address);

        var error = await Assert.ThrowsAsync<TimestampFailedException>(() => signer.SignDetachedAsync(Manifest, CancellationToken.None));

        Assert.Contains("answered HTTP 503", error.Problem);
    }

    [Fact]
    public async Task A_tsa_that_does_not_answer_in_time_is_a_typed_error_on_the_drill_clock()
    {
        await using var tsa = LocalTimestampAuthority.Start(Path.Combine(_folder, "tsa"), LocalTimestampAuthority.Behaviour.Silent);
        using var signer = Open(tsa.Address);

        var signing = signer.SignDetachedAsync(Manifest, CancellationToken.None);
        await tsa.Queried;
        _clock.Advance(TimestampClient.Timeout + TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<TimestampFailedException>(() => signing);
        Assert.Contains("did not answer within 30 seconds", error.Problem);
    }

    [Fact]
    public async Task An_unreachable_tsa_is_a_typed_error()
    {
        Uri address;
        await using (var gone = LocalTimestampAuthority.Start(Path.Combine(_folder, "gone")))
        {
            address = gone.Address;
        }

        using var signer = Open(address);

        var error = await Assert.ThrowsAsync<TimestampFailedException>(() => signer.SignDetachedAsync(Manifest, CancellationToken.None));
        Assert.Contains("cannot be reached", error.Problem);
    }

    private EvidenceSigner Open(Uri tsa) =>
        EvidenceSigner.Open(new SigningSettings(null, null, tsa), Path.Combine(_folder, "data"), _clock);

    /// <summary>Where in the signature the token's certificates other than the authority's own lie.</summary>
    private static IEnumerable<(int Start, int End)> AuthorityCaCertificates(byte[] signature)
    {
        var signerInfo = Decode(signature).SignerInfos[0];
        var token = new SignedCms();
        token.Decode(signerInfo.UnsignedAttributes[0].Values[0].RawData);
        var authority = token.SignerInfos[0].Certificate!;
        foreach (var certificate in token.Certificates.Where(c => c.Thumbprint != authority.Thumbprint))
        {
            var start = signature.AsSpan().IndexOf(certificate.RawData);
            yield return (start, start + certificate.RawData.Length);
        }
    }

    private static SignedCms Decode(byte[] signature)
    {
        var signed = new SignedCms(new ContentInfo(Manifest), detached: true);
        signed.Decode(signature);
        return signed;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
