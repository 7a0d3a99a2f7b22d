namespace Drills.Orchestrator.Cli;

/// <summary>The environment variables the signing options fall back to, as help text names them.</summary>
internal static class SigningSettingsVariables
{
    public const string Certificate = "DRILLS_SIGNING_CERT";
    public const string Password = "DRILLS_SIGNING_CERT_PASSWORD";
    public const string TimestampAuthority = "DRILLS_TSA_URL";
}
