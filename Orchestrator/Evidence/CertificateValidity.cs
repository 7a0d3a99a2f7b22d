using System.Security.Cryptography.X509Certificates;

namespace Drills.Orchestrator.Evidence;

/// <summary>Refuses to sign with a certificate outside its validity on the drill's clock.</summary>
internal static class CertificateValidity
{
    /// <returns>Null when the certificate is valid at <paramref name="now"/>, else the problem as a sentence.</returns>
    public static string? ProblemAt(X509Certificate2 certificate, DateTimeOffset now)
    {
        var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (now < notBefore)
        {
            return $"is not valid yet (valid from {notBefore:yyyy-MM-dd HH:mm:ss} UTC)";
        }

        return now > notAfter ? $"expired on {notAfter:yyyy-MM-dd HH:mm:ss} UTC" : null;
    }
}
