using Drills.Scenarios.Steps;
using YamlDotNet.RepresentationModel;

namespace Drills.Scenarios.Loading;

/// <summary><c>exec</c> steps: a bare argv list, or <c>{ command: [argv], expect_exit: 0 }</c>.</summary>
internal static class ExecStepReader
{
    private const string Example = "[\"sh\", \"-c\", \"rm -rf /srv/www/*\"]";

    public static ExecStep? Read(StepText step)
    {
        if (step.Args is YamlSequenceNode)
        {
            return step.Reader.Command(step.Args, $"the command of {step.What}", Example) is { } argv
                ? new ExecStep(argv, 0, step.At)
                : null;
        }

        if (step.Args is not YamlMappingNode)
        {
            step.Reader.Report(step.Args, $"{step.What} must be a command list or a mapping, not {NodeReader.Describe(step.Args)}.",
                $"write '- exec: {Example}' (each argument a separate item; no shell unless you run one)");
            return null;
        }

        if (step.Options(["command", "expect_exit"]) is not { } fields
            || fields.Required("command", Example) is not { } commandNode)
        {
            return null;
        }

        var command = step.Reader.Command(commandNode, $"'command' of {step.What}", Example);
        var expectExit = fields.OptionalInteger("expect_exit", 0, 255);
        if (command is null || (fields.Optional("expect_exit") is not null && expectExit is null))
        {
            return null;
        }

        return new ExecStep(command, expectExit ?? 0, step.At);
    }
}
