using System.Security.Cryptography.X509Certificates;
using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Microsoft.Extensions.Time.Testing;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

public sealed class AgencyCertificateTests : IDisposable
{
    private const string Password = "s3cret-p12";
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes("""{"predicate":{"run":"r-1"}}""");

    private readonly string _folder = Directory.CreateTempSubdirectory("drills-agency-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private string Data => Path.Combine(_folder, "data");

    [Fact]
    public async Task A_p12_from_the_agency_ca_signs_what_openssl_and_drills_verify_against_that_ca_alone()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var leaf = TestCertificates.Leaf(ca, "Records Office");
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "agency.p12"), Password, leaf);
        var settings = SigningSettings.Resolve(p12, null, Environment(("DRILLS_SIGNING_CERT_PASSWORD", Password)));

        using var signer = EvidenceSigner.Open(settings, Data, _clock);
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var openssl = await OpenSsl.CmsVerifyAsync(_folder, Manifest, signature, TestCertificates.Pem(ca));
        Assert.True(openssl.ExitCode == 0, openssl.ToString());
        var check = EvidenceSignature.Verify(Manifest, signature, TestCertificates.Pem(ca));
        Assert.True(check.Valid, check.Problem);
        Assert.Equal(leaf.Subject, check.SignerSubject);
        Assert.False(Directory.Exists(Path.Combine(Data, "signing")));
    }

    [Fact]
    public async Task Chain_certificates_of_the_p12_follow_the_signer_in_signer_pem_and_travel_in_the_signature()
    {
        using var root = TestCertificates.Authority("Agency Root");
        using var intermediate = TestCertificates.Authority("Agency Issuing CA", root);
        using var leaf = TestCertificates.Leaf(intermediate, "Records Office");
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "agency.p12"), Password, root, leaf, intermediate);

        using var signer = EvidenceSigner.Open(new SigningSettings(p12, Password, null), Data, _clock);
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        Assert.Equal(TestCertificates.Pem(leaf) + TestCertificates.Pem(intermediate) + TestCertificates.Pem(root), signer.CertificatePem);
        Assert.Equal(leaf.Thumbprint, signer.Certificate.Thumbprint);
        var openssl = await OpenSsl.CmsVerifyAsync(_folder, Manifest, signature, TestCertificates.Pem(root));
        Assert.True(openssl.ExitCode == 0, openssl.ToString());
        Assert.True(EvidenceSignature.Verify(Manifest, signature, TestCertificates.Pem(root)).Valid);
        Assert.True(EvidenceSignature.Verify(Manifest, signature, signer.CertificatePem).Valid);
    }

    [Fact]
    public async Task A_signature_from_another_ca_does_not_verify_against_the_agency_ca()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var other = TestCertificates.Authority("Somebody Else");
        using var leaf = TestCertificates.Leaf(other, "Impostor");
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "other.p12"), Password, leaf);

        using var signer = EvidenceSigner.Open(new SigningSettings(p12, Password, null), Data, _clock);
        var signature = await signer.SignDetachedAsync(Manifest, CancellationToken.None);

        var check = EvidenceSignature.Verify(Manifest, signature, TestCertificates.Pem(ca));
        Assert.False(check.Valid);
        Assert.Contains("does not chain to a trusted certificate", check.Problem);
    }

    [Fact]
    public void A_missing_file_is_a_bad_input_error_naming_the_file()
    {
        var missing = Path.Combine(_folder, "nowhere.p12");

        var error = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(missing, Password, null), Data, _clock));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Contains(missing, error.Problem);
        Assert.Contains("does not exist", error.Problem);
        Assert.Contains("--signing-cert", error.Fix);
    }

    [Fact]
    public void A_wrong_password_is_an_error_naming_the_file_and_the_password_variable()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var leaf = TestCertificates.Leaf(ca, "Records Office");
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "agency.p12"), Password, leaf);

        var error = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(p12, "wrong", null), Data, _clock));
        var none = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(p12, null, null), Data, _clock));

        Assert.Contains(p12, error.Problem);
        Assert.Contains("does not open with the password given", error.Problem);
        Assert.Contains("DRILLS_SIGNING_CERT_PASSWORD", error.Fix);
        Assert.Contains("needs a password", none.Problem);
    }

    [Fact]
    public void A_file_that_is_not_pkcs12_is_an_error()
    {
        var path = Path.Combine(_folder, "cert.pem");
        File.WriteAllText(path, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

        var error = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(path, null, null), Data, _clock));

        Assert.Contains("is not a PKCS#12", error.Problem);
    }

    [Fact]
    public void A_p12_without_a_private_key_is_an_error()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var leaf = TestCertificates.Leaf(ca, "Records Office");
        using var withoutKey = X509CertificateLoader.LoadCertificate(leaf.RawData);
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "nokey.p12"), Password, withoutKey);

        var error = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(p12, Password, null), Data, _clock));

        Assert.Contains("holds no private key", error.Problem);
        Assert.Contains("private key", error.Fix);
    }

    [Fact]
    public void An_expired_or_not_yet_valid_certificate_is_an_error_on_the_drill_clock()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var leaf = TestCertificates.Leaf(ca, "Records Office",
            from: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), until: new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "agency.p12"), Password, leaf);
        var settings = new SigningSettings(p12, Password, null);

        using (EvidenceSigner.Open(settings, Data, _clock))
        {
        }

        _clock.Advance(TimeSpan.FromDays(120));
        var expired = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(settings, Data, _clock));
        var early = Assert.Throws<SigningCertificateException>(() =>
            EvidenceSigner.Open(settings, Data, new FakeTimeProvider(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.Contains("expired on 2026-06-01", expired.Problem);
        Assert.Contains("renew", expired.Fix);
        Assert.Contains("is not valid yet", early.Problem);
    }

    [Fact]
    public void A_certificate_whose_key_usage_does_not_allow_signing_is_an_error()
    {
        using var ca = TestCertificates.Authority("Agency Root");
        using var leaf = TestCertificates.Leaf(ca, "Encryption Only", X509KeyUsageFlags.DataEncipherment);
        var p12 = TestCertificates.WriteP12(Path.Combine(_folder, "agency.p12"), Password, leaf);

        var error = Assert.Throws<SigningCertificateException>(() => EvidenceSigner.Open(new SigningSettings(p12, Password, null), Data, _clock));

        Assert.Contains("does not allow signing", error.Problem);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
