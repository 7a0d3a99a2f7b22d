using System.CommandLine;
using Drills.Orchestrator.Evidence;

namespace Drills.Orchestrator.Cli;

/// <summary>--signing-cert and --tsa, for the commands that sign evidence (run, serve, export).</summary>
internal sealed class SigningOptions
{
    public Option<string?> Certificate { get; } = new("--signing-cert")
    {
        Description = $"Sign evidence with this PKCS#12 (.p12) certificate, password from ${SigningSettings.PasswordVariable} (default: ${SigningSettings.CertificateVariable}, else drills' own self-signed certificate in the data directory)",
    };

    public Option<string?> TimestampAuthority { get; } = new("--tsa")
    {
        Description = $"Add an RFC 3161 timestamp from this time-stamp authority URL to each signature (default: ${SigningSettings.TimestampAuthorityVariable}, else none)",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Certificate);
        command.Options.Add(TimestampAuthority);
    }

    /// <summary>The options, the environment filling in what they leave out.</summary>
    public SigningSettings Resolve(ParseResult parse) =>
        SigningSettings.Resolve(parse.GetValue(Certificate), parse.GetValue(TimestampAuthority), Environment.GetEnvironmentVariable);
}
