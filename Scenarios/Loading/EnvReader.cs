using System.Text.RegularExpressions;
using Drills.Scenarios.Text;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary>
/// A container's <c>env</c>: plain values written in the catalogue, or secrets read from drills' own
/// environment when the catalogue is loaded (<c>DB_PASSWORD: { secret: true, from_env: DB_PASSWORD }</c>).
/// A secret's value is registered with <see cref="Secrets"/> the moment it is read, so it is masked in
/// everything the process writes from then on.
/// </summary>
internal static partial class EnvReader
{
    private static readonly string[] SecretKeys = ["secret", "from_env"];

    public static (Dictionary<string, string> Values, HashSet<string> Secret)? Read(NodeReader reader, YamlNode node, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            reader.Report(node, $"'env' of {what} must be a mapping of variable names to values, not {NodeReader.Describe(node)}.",
                "write it as '{ PORTAL_TITLE: \"Cổng dịch vụ công\" }'");
            return null;
        }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        var secret = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            var name = reader.Text(key, $"a variable name in 'env' of {what}");
            if (name is not null && (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || name.Any(c => char.IsWhiteSpace(c) || Shown.IsInvisible(c))))
            {
                reader.Report(key, $"Variable name '{Shown.Quote(name)}' in 'env' of {what} is blank or holds '=', spaces or invisible characters.",
                    "write a name of letters, digits and '_', such as PORTAL_TITLE");
                name = null;
            }

            string? text;
            if (value is YamlMappingNode)
            {
                text = ReadSecret(reader, value, $"variable '{name}' in 'env' of {what}", name ?? "NAME");
                if (name is not null && text is not null)
                {
                    secret.Add(name);
                }
            }
            else
            {
                text = value is YamlScalarNode scalar ? (NodeReader.IsNull(value) ? "" : scalar.Value ?? "") : reader.Text(value, $"variable '{name}' in 'env' of {what}");
            }

            if (name is not null && text is not null)
            {
                env[name] = text;
            }
        }

        return (env, secret);
    }

    private static string? ReadSecret(NodeReader reader, YamlNode node, string what, string name)
    {
        var example = $"{{ secret: true, from_env: {name} }}";
        if (reader.Mapping(node, what, SecretKeys) is not { } fields)
        {
            return null;
        }

        var marked = fields.Required("secret", "true");
        if (marked is not null && !(marked is YamlScalarNode { Value: "true" or "True" or "TRUE" }))
        {
            reader.Report(marked, $"{what} must say 'secret: true': a value read from the environment is always a secret.",
                $"write {example}, or write a plain value as {name}: value");
            return null;
        }

        var variable = fields.RequiredText("from_env", name);
        if (variable is null || marked is null)
        {
            return null;
        }

        var at = fields.Optional("from_env")!;
        if (!VariableName().IsMatch(variable))
        {
            reader.Report(at, $"'from_env' of {what} is '{Shown.Quote(variable)}', not an environment variable name.",
                $"name a variable of letters, digits and '_', not starting with a digit: {example}");
            return null;
        }

        // Read when the catalogue is loaded (validate, run, serve): a catalogue validate accepts runs.
        var found = reader.Environment(variable);
        if (string.IsNullOrEmpty(found))
        {
            reader.Report(at, $"The secret {what} is read from the environment variable {variable}, which is {(found is null ? "not set" : "empty")} in drills' environment.",
                $"export {variable}=... in the shell or service unit that starts drills (validate needs it too)");
            return null;
        }

        if (found.Length < Secrets.MinLength)
        {
            reader.Report(at, $"The secret {what} (from {variable}) is shorter than {Secrets.MinLength} characters: drills cannot mask it in what it writes.",
                $"use a secret of at least {Secrets.MinLength} characters in {variable}");
            return null;
        }

        Secrets.Register(found);
        return found;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex VariableName();
}
