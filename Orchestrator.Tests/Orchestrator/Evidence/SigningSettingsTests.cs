using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

public sealed class SigningSettingsTests
{
    private static readonly Dictionary<string, string?> Variables = new()
    {
        ["DRILLS_SIGNING_CERT"] = "/etc/drills/from-env.p12",
        ["DRILLS_SIGNING_CERT_PASSWORD"] = "pw",
        ["DRILLS_TSA_URL"] = "http://tsa.example.org/tsr",
    };

    [Fact]
    public void Nothing_given_is_the_default_signer_without_timestamp()
    {
        Assert.Equal(SigningSettings.Default, SigningSettings.Resolve(null, null, _ => null));
    }

    [Fact]
    public void The_option_wins_over_the_environment_and_the_password_comes_from_the_environment()
    {
        var settings = SigningSettings.Resolve("/srv/agency.p12", "https://tsa.example.gov.vn/", Variables.GetValueOrDefault);

        Assert.Equal("/srv/agency.p12", settings.Pkcs12Path);
        Assert.Equal("pw", settings.Pkcs12Password);
        Assert.Equal(new Uri("https://tsa.example.gov.vn/"), settings.TimestampAuthority);
    }

    [Fact]
    public void The_environment_names_the_certificate_and_the_authority_when_no_option_does()
    {
        var settings = SigningSettings.Resolve(null, null, Variables.GetValueOrDefault);

        Assert.Equal("/etc/drills/from-env.p12", settings.Pkcs12Path);
        Assert.Equal(new Uri("http://tsa.example.org/tsr"), settings.TimestampAuthority);
    }

    [Theory]
    [InlineData("ftp://tsa.example.org/")]
    [InlineData("tsa.example.org")]
    [InlineData("file:///tmp/tsr")]
    public void An_authority_that_is_not_http_is_a_bad_input_error(string address)
    {
        var error = Assert.Throws<SigningOptionException>(() => SigningSettings.Resolve(null, address, _ => null));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Contains(address, error.Problem);
        Assert.Contains("--tsa", error.Fix);
    }

    [Fact]
    public void Printed_settings_never_show_the_password()
    {
        var settings = SigningSettings.Resolve("/srv/agency.p12", null, Variables.GetValueOrDefault);

        Assert.DoesNotContain("pw,", settings.ToString());
        Assert.Contains("***", settings.ToString());
    }
}
