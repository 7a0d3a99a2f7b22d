using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Evidence;

/// <summary>A signing option or environment variable has a value drills cannot use (a TSA address that is not http(s)).</summary>
internal sealed class SigningOptionException(string problem, string fix)
    : DrillsException(ExitCodes.BadInput, problem, fix);
