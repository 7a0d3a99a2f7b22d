using System.Reflection;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Safety;

namespace Drills.Orchestrator.Tests.Orchestrator.Errors;

public sealed class DrillsExceptionTests
{
    [Fact]
    public void Every_error_drills_declares_derives_from_the_one_base_type()
    {
        var strays = typeof(DrillsException).Assembly.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(DrillsException).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    [Fact]
    public void Every_error_type_states_its_exit_code_from_the_contract()
    {
        int[] contract = [ExitCodes.Failed, ExitCodes.BadInput, ExitCodes.Environment, ExitCodes.Aborted];
        var errors = typeof(DrillsException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DrillsException)) && !t.IsAbstract && t.GetConstructors().Any(c => IsProblemAndFix(c)))
            .ToList();

        Assert.NotEmpty(errors);
        foreach (var type in errors)
        {
            var error = (DrillsException)type.GetConstructors().First(IsProblemAndFix).Invoke(["it broke.", "mend it", null]);
            Assert.Contains(error.ExitCode, contract);
        }
    }

    [Fact]
    public void The_message_carries_the_problem_then_its_fix()
    {
        var error = new TargetRefusedException("Refusing to touch container 'x'. ", "remove it");

        Assert.Equal("Refusing to touch container 'x'.", error.Problem);
        Assert.Equal("remove it", error.Fix);
        Assert.Equal("Refusing to touch container 'x'. Fix: remove it", error.Message);
        Assert.Equal(ExitCodes.Environment, error.ExitCode);
    }

    private static bool IsProblemAndFix(ConstructorInfo c) =>
        c.GetParameters() is [{ ParameterType: var a }, { ParameterType: var b }, { ParameterType: var e }]
        && a == typeof(string) && b == typeof(string) && e == typeof(Exception);
}
