using Drills.Scenarios.Catalogue;
using Drills.Scenarios.Steps;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary><c>manual</c> steps: <c>{ title: Restore DNS records by hand, expected: 2h }</c>.</summary>
internal static class ManualStepReader
{
    private const string Example = "{ title: Restore DNS records by hand, expected: 2h }";

    public static ManualStep? Read(StepText step)
    {
        if (step.Args is not YamlMappingNode && !NodeReader.IsNull(step.Args))
        {
            step.Reader.Report(step.Args, $"{step.What} must be a mapping with a title and an expected duration, not {NodeReader.Describe(step.Args)}.",
                $"write '- manual: {Example}'");
            return null;
        }

        if (step.Options(["title", "expected"], Example) is not { } fields)
        {
            return null;
        }

        var title = Title(step, fields);
        var expected = Expected(step, fields);
        return title is null || expected is null ? null : new ManualStep(title, expected.Value, step.At);
    }

    // The title is what the operator is asked to do and how `drills confirm` can name the step.
    private static string? Title(StepText step, Fields fields)
    {
        if (fields.RequiredTitle("Restore DNS records by hand") is not { } title)
        {
            return null;
        }

        if (title.Trim().Length > 0)
        {
            return title.Trim();
        }

        step.Reader.Report(fields.Optional("title")!, $"'title' of {step.What} is blank.",
            "say what the operator does, such as 'title: Restore DNS records by hand'");
        return null;
    }

    private static WrittenDuration? Expected(StepText step, Fields fields)
    {
        if (fields.Required("expected", "2h") is not { } node
            || step.Reader.WrittenDuration(node, $"'expected' of {step.What}") is not { } expected)
        {
            return null;
        }

        if (expected.Value < CatalogueDefaults.NationalCeiling)
        {
            return expected;
        }

        step.Reader.Report(node,
            $"'expected' of {step.What} is {expected.Text}, not less than the {CatalogueDefaults.NationalCeilingText} national ceiling: no drill with this step could recover in time.",
            $"write less than {CatalogueDefaults.NationalCeilingText}; a human step that long means the recovery procedure must be shortened before it is drilled");
        return null;
    }
}
