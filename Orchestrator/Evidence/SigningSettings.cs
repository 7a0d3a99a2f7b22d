namespace Drills.Orchestrator.Evidence;

/// <summary>
/// Which certificate signs, and whether to timestamp. --signing-cert wins over DRILLS_SIGNING_CERT;
/// the password comes only from DRILLS_SIGNING_CERT_PASSWORD; --tsa / DRILLS_TSA_URL optional.
/// </summary>
/// <param name="Pkcs12Path">The agency's .p12 file; null signs with the default self-signed signer of the data directory.</param>
/// <param name="Pkcs12Password">The .p12 file's password; null when it has none.</param>
/// <param name="TimestampAuthority">An RFC 3161 time-stamp authority (http or https); null signs without a timestamp.</param>
internal sealed record SigningSettings(string? Pkcs12Path, string? Pkcs12Password, Uri? TimestampAuthority)
{
    public const string CertificateVariable = "DRILLS_SIGNING_CERT";
    public const string PasswordVariable = "DRILLS_SIGNING_CERT_PASSWORD";
    public const string TimestampAuthorityVariable = "DRILLS_TSA_URL";

    /// <summary>The default self-signed signer, no timestamp.</summary>
    public static SigningSettings Default { get; } = new(null, null, null);

    public static SigningSettings Resolve(string? certOption, string? tsaOption, Func<string, string?> environment)
    {
        var path = NonEmpty(certOption) ?? NonEmpty(environment(CertificateVariable));
        var password = path is null ? null : environment(PasswordVariable);
        var tsa = NonEmpty(tsaOption) ?? NonEmpty(environment(TimestampAuthorityVariable));
        return new SigningSettings(path is null ? null : Path.GetFullPath(path), password, tsa is null ? null : AuthorityAddress(tsa));
    }

    /// <summary>Never shows the password, so the settings can be logged or printed as they are.</summary>
    public override string ToString() =>
        $"SigningSettings {{ Pkcs12Path = {Pkcs12Path ?? "(default signer)"}, Pkcs12Password = {(Pkcs12Password is null ? "(none)" : "***")}, TimestampAuthority = {TimestampAuthority?.ToString() ?? "(none)"} }}";

    private static Uri AuthorityAddress(string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
        {
            return uri;
        }

        throw new SigningOptionException(
            $"The time-stamp authority address '{text}' (--tsa or {TimestampAuthorityVariable}) is not an http:// or https:// URL",
            "give the full address of an RFC 3161 time-stamp authority, for example --tsa http://timestamp.example.org/tsr");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
