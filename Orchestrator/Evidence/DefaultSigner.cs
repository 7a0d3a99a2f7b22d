using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Drills.Reports.Files;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// The signer drills makes for itself when no agency certificate is named: an ECDSA P-256 key and a self-signed
/// certificate kept in &lt;data directory&gt;/signing/ (key 0600 as PKCS#8 PEM, certificate as signer.pem).
/// The folder is written whole under a hidden name and renamed into place, so two processes creating it at
/// the same moment end with one signer: the rename of the second fails and it reads the first one's.
/// </summary>
internal static class DefaultSigner
{
    public const string FolderName = "signing";
    public const string KeyFileName = "signer-key.pem";
    public const string CertificateFileName = "signer.pem";

    /// <summary>Ten years: evidence outlives any one drill, and a self-signed certificate is trusted by its copy, not by a CA.</summary>
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3653);

    /// <summary>A certificate made a little before now, so a verifier whose clock is slightly behind still accepts it.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string StartAfresh =
        "move the signing folder aside so drills makes a new signer on its next run (bundles signed before keep verifying against their own signer.pem)";

    public static string FolderOf(string dataDirectory) => Path.Combine(dataDirectory, FolderName);

    /// <summary>The signer with its private key, made on first use.</summary>
    public static X509Certificate2 OpenOrCreate(string dataDirectory, TimeProvider clock)
    {
        var folder = FolderOf(dataDirectory);
        if (!File.Exists(Path.Combine(folder, KeyFileName)))
        {
            Publish(dataDirectory, folder, clock);
        }

        var signer = Load(folder);
        if (CertificateValidity.ProblemAt(signer, clock.GetUtcNow()) is { } validity)
        {
            signer.Dispose();
            throw new SigningStoreException($"The evidence signer in {folder} {validity}",
                StartAfresh);
        }

        return signer;
    }

    private static void Publish(string dataDirectory, string folder, TimeProvider clock)
    {
        PrivateFiles.CreateFolder(dataDirectory);
        var staging = Path.Combine(dataDirectory, $".{FolderName}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.new");
        try
        {
            PrivateFiles.CreateFolder(staging);
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            using (var certificate = SelfSigned(key, clock.GetUtcNow()))
            {
                Write(Path.Combine(staging, KeyFileName), key.ExportPkcs8PrivateKeyPem());
                Write(Path.Combine(staging, CertificateFileName), certificate.ExportCertificatePem());
            }

            FolderSync.Flush(staging);
            RemoveIfEmpty(folder);
            try
            {
                // rename(2) of a folder onto a folder with entries fails: whoever renames first wins.
                Directory.Move(staging, folder);
                FolderSync.Flush(dataDirectory);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process made the signer at the same moment (its signer is the one), or the folder
                // holds something else, which reading it reports.
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SigningStoreException($"Cannot create the evidence signer in {folder}: {ex.Message}",
                $"make {dataDirectory} writable by the user drills runs as", ex);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static X509Certificate2 SelfSigned(ECDsa key, DateTimeOffset now)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName($"drills evidence signer ({Environment.MachineName})");
        subject.AddOrganizationName("drills");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now - ClockSkew, now + Validity);
    }

    private static X509Certificate2 Load(string folder)
    {
        var keyFile = Path.Combine(folder, KeyFileName);
        var certificateFile = Path.Combine(folder, CertificateFileName);
        if (!File.Exists(keyFile) || !File.Exists(certificateFile))
        {
            throw new SigningStoreException(
                $"The evidence signer in {folder} is incomplete: it needs both {KeyFileName} and {CertificateFileName}", StartAfresh);
        }

        try
        {
            PrivateFiles.Tighten(keyFile);
            // Fails when the key is not the certificate's: a signer is one pair, never mixed.
            return X509Certificate2.CreateFromPem(Read(certificateFile), Read(keyFile));
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new SigningStoreException($"Cannot read the evidence signer in {folder}: {ex.Message}", StartAfresh, ex);
        }
    }

    private static void Write(string path, string pem)
    {
        using var file = PrivateFiles.CreateNew(path);
        file.Write(Encoding.ASCII.GetBytes(pem + "\n"));
        file.Flush(flushToDisk: true);
    }

    private static string Read(string path)
    {
        using var file = PrivateFiles.OpenRead(path);
        using var reader = new StreamReader(file, Encoding.ASCII);
        return reader.ReadToEnd();
    }

    private static void RemoveIfEmpty(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
            // Filled meanwhile by another process: its signer is the one.
        }
    }
}
