using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using Drills.Orchestrator.Evidence;
using Drills.Reports.Files;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

public sealed class DefaultSignerTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("drills-signer-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private string Signing => Path.Combine(_data, "signing");

    [Fact]
    public void First_use_creates_a_self_signed_ecdsa_p256_signer_named_after_the_host()
    {
        using var signer = EvidenceSigner.Open(SigningSettings.Default, _data, _clock);

        Assert.Equal($"CN=drills evidence signer ({Environment.MachineName}), O=drills", signer.Subject);
        Assert.Equal(signer.Certificate.Subject, signer.Certificate.Issuer);
        using var key = signer.Certificate.GetECDsaPublicKey();
        Assert.Equal(256, key!.KeySize);
        Assert.True(signer.Certificate.NotAfter.ToUniversalTime() > _clock.GetUtcNow().UtcDateTime.AddYears(9));
    }

    [Fact]
    public void The_signer_is_created_once_and_reused()
    {
        string first;
        using (var signer = EvidenceSigner.Open(SigningSettings.Default, _data, _clock))
        {
            first = signer.FingerprintSha256;
        }

        using var again = EvidenceSigner.Open(SigningSettings.Default, _data, _clock);

        Assert.Equal(first, again.FingerprintSha256);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Key_is_a_0600_pkcs8_pem_file_in_a_private_folder_beside_signer_pem()
    {
        using var signer = EvidenceSigner.Open(SigningSettings.Default, _data, _clock);

        var key = Path.Combine(Signing, "signer-key.pem");
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(key));
        Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(key));
        Assert.Equal(PrivateFiles.FolderMode, File.GetUnixFileMode(Signing));
        Assert.Equal(signer.CertificatePem.Trim(), File.ReadAllText(Path.Combine(Signing, "signer.pem")).Trim());
    }

    [Fact]
    public async Task Signers_created_at_the_same_moment_end_as_one()
    {
        using var start = new Barrier(8);
        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            using var signer = EvidenceSigner.Open(SigningSettings.Default, _data, _clock);
            return signer.FingerprintSha256;
        })));

        Assert.Single(opened.Distinct());
        Assert.Equal(["signing"], Directory.EnumerateFileSystemEntries(_data).Select(Path.GetFileName));
        Assert.Equal(["signer-key.pem", "signer.pem"], Directory.EnumerateFiles(Signing).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_signer_folder_without_its_key_is_a_typed_error_naming_the_folder()
    {
        using (EvidenceSigner.Open(SigningSettings.Default, _data, _clock))
        {
        }

        File.Delete(Path.Combine(Signing, "signer-key.pem"));

        var error = Assert.Throws<SigningStoreException>(() => EvidenceSigner.Open(SigningSettings.Default, _data, _clock));
        Assert.Contains(Signing, error.Problem);
        Assert.Contains("move the signing folder aside", error.Fix);
    }

    [Fact]
    public void An_expired_default_signer_is_a_typed_error()
    {
        using (EvidenceSigner.Open(SigningSettings.Default, _data, _clock))
        {
        }

        _clock.Advance(TimeSpan.FromDays(3660));

        var error = Assert.Throws<SigningStoreException>(() => EvidenceSigner.Open(SigningSettings.Default, _data, _clock));
        Assert.Contains("expired", error.Problem);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
