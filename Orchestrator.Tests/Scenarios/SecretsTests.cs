using System.Security.Cryptography;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>The redactor applied where text leaves drills: registered secrets and URL passwords.</summary>
public sealed class SecretsTests
{
    [Theory]
    [InlineData("http http://user:pass@127.0.0.1:18080/health", "http http://user:***@127.0.0.1:18080/health")]
    [InlineData("{\"check\":\"https://a:b%40c@host/x\"}", "{\"check\":\"https://a:***@host/x\"}")]
    [InlineData("http://user@127.0.0.1/ has no password", "http://user@127.0.0.1/ has no password")]
    [InlineData("http://127.0.0.1:18080/a@b", "http://127.0.0.1:18080/a@b")]
    [InlineData("mailto-like user:pass@host without a scheme", "mailto-like user:pass@host without a scheme")]
    public void A_urls_password_is_masked_and_nothing_else(string text, string shown) =>
        Assert.Equal(shown, Secrets.Redact(text));

    [Fact]
    public void A_registered_secret_is_masked_raw_and_json_escaped()
    {
        var secret = "p\"w\\" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        Secrets.Register(secret);

        Assert.Equal("a *** b", Secrets.Redact($"a {secret} b"));
        Assert.Equal("{\"o\":\"***\"}", Secrets.Redact("{\"o\":\"" + secret.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}"));
    }

    [Fact]
    public void Values_too_short_to_mask_safely_are_not_registered()
    {
        Secrets.Register("ab");

        Assert.Equal("abc ab", Secrets.Redact("abc ab"));
    }
}
