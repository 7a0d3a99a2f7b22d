using System.Security.Cryptography;
using Drills.Scenarios.Loading;
using Drills.Scenarios.Text;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>Secret env values: read from drills' environment when the catalogue loads, marked secret and masked from then on.</summary>
public sealed class SecretEnvTests
{
    private static readonly string Secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string WithEnv(string env) => CatalogueText.With(
        "ports: [\"127.0.0.1:18080:80\"] }", $"ports: [\"127.0.0.1:18080:80\"], env: {env} }}");

    private static CatalogueLoadResult Load(string yaml, string? value) =>
        CatalogueLoader.LoadText(yaml, CatalogueText.FileName, name => name == "WEB_DB_PASSWORD" ? value : null);

    [Fact]
    public void A_secret_is_read_from_the_environment_passed_on_and_named_secret()
    {
        var result = Load(WithEnv("{ DB_PASSWORD: { secret: true, from_env: WEB_DB_PASSWORD }, TITLE: plain }"), Secret);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var container = result.Catalogue.Systems["web"].Container;
        Assert.Equal(Secret, container.Env["DB_PASSWORD"]);
        Assert.Equal("plain", container.Env["TITLE"]);
        Assert.Equal(["DB_PASSWORD"], container.SecretEnv);
    }

    [Fact]
    public void A_secret_once_read_is_masked_in_any_text()
    {
        Load(WithEnv("{ DB_PASSWORD: { secret: true, from_env: WEB_DB_PASSWORD } }"), Secret);

        Assert.Equal("exit 0: *** and \"***\"", Secrets.Redact($"exit 0: {Secret} and \"{Secret}\""));
    }

    [Theory]
    [InlineData(null, "which is not set in drills' environment")]
    [InlineData("", "which is empty in drills' environment")]
    [InlineData("abc", "shorter than 4 characters")]
    public void A_missing_empty_or_short_variable_is_an_error_at_from_env_with_the_export_to_run(string? value, string problem)
    {
        var yaml = WithEnv("{ DB_PASSWORD: { secret: true, from_env: WEB_DB_PASSWORD } }");

        var error = Assert.Single(Load(yaml, value).Errors);

        var line = yaml.Split('\n')[5];
        Assert.Equal((6, line.IndexOf("WEB_DB_PASSWORD", StringComparison.Ordinal) + 1), (error.Location.Line, error.Location.Column));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(value is "abc" ? "in WEB_DB_PASSWORD" : "export WEB_DB_PASSWORD=...", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ DB_PASSWORD: { secret: false, from_env: WEB_DB_PASSWORD } }", "must say 'secret: true'")]
    [InlineData("{ DB_PASSWORD: { secret: true } }", "'from_env'")]
    [InlineData("{ DB_PASSWORD: { from_env: WEB_DB_PASSWORD } }", "'secret'")]
    [InlineData("{ DB_PASSWORD: { secret: true, from_env: \"1-bad name\" } }", "not an environment variable name")]
    [InlineData("{ DB_PASSWORD: { secret: true, from_env: WEB_DB_PASSWORD, value: x } }", "Unknown key 'value'")]
    public void A_secret_written_wrongly_is_an_error(string env, string problem)
    {
        var result = Load(WithEnv(env), Secret);

        Assert.Contains(result.Errors, e => e.Message.Contains(problem, StringComparison.Ordinal));
    }
}
