using System.Text;
using Drills.Orchestrator.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

public sealed class EvidenceSignatureTests : IDisposable
{
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""{"_type":"https://in-toto.io/Statement/v1","subject":[]}""");

    private readonly string _folder = Directory.CreateTempSubdirectory("drills-signature-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_signature_verifies_against_its_own_signer_pem()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var check = EvidenceSignature.Verify(Manifest, signature, signer.CertificatePem);

        Assert.True(check.Valid, check.Problem);
        Assert.Equal(signer.Subject, check.SignerSubject);
        Assert.Equal(signer.FingerprintSha256, check.SignerFingerprintSha256);
        Assert.Null(check.TimestampUtc);
    }

    [Fact]
    public async Task One_changed_byte_of_the_content_fails_with_a_problem()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var check = EvidenceSignature.Verify(Flipped(Manifest, 10), signature, signer.CertificatePem);

        Assert.False(check.Valid);
        Assert.Contains("does not match", check.Problem);
    }

    [Fact]
    public async Task One_changed_byte_anywhere_in_the_signature_fails_with_a_problem()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var failures = Enumerable.Range(0, signature.Length)
            .Select(i => EvidenceSignature.Verify(Manifest, Flipped(signature, i), signer.CertificatePem))
            .ToList();

        Assert.All(failures, check => Assert.False(check.Valid));
        Assert.All(failures, check => Assert.False(string.IsNullOrWhiteSpace(check.Problem)));
    }

    [Fact]
    public async Task A_signer_the_verifier_does_not_trust_fails()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);
        var otherData = Directory.CreateDirectory(Path.Combine(_folder, "other")).FullName;
        using var stranger = EvidenceSigner.Open(SigningSettings.Default, otherData, _clock);

        var check = EvidenceSignature.Verify(Manifest, signature, stranger.CertificatePem);

        Assert.False(check.Valid);
        Assert.Contains("does not chain to a trusted certificate", check.Problem);
    }

    [Fact]
    public async Task Openssl_cms_verify_accepts_the_signature_with_signer_pem_as_ca_file()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var result = await OpenSsl.CmsVerifyAsync(_folder, Manifest, signature, signer.CertificatePem);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Manifest, await File.ReadAllBytesAsync(Path.Combine(_folder, "verified.out")));
    }

    [Fact]
    public async Task Openssl_cms_verify_refuses_a_changed_byte_in_content_or_signature()
    {
        using var signer = Open();
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var content = await OpenSsl.CmsVerifyAsync(_folder, Flipped(Manifest, 3), signature, signer.CertificatePem);
        var signed = await OpenSsl.CmsVerifyAsync(_folder, Manifest, Flipped(signature, signature.Length - 5), signer.CertificatePem);

        Assert.NotEqual(0, content.ExitCode);
        Assert.NotEqual(0, signed.ExitCode);
    }

    private EvidenceSigner Open() => EvidenceSigner.Open(SigningSettings.Default, Path.Combine(_folder, "data"), _clock);

    internal static byte[] Flipped(byte[] bytes, int index)
    {
        var copy = bytes.ToArray();
        copy[index] ^= 0x01;
        return copy;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
