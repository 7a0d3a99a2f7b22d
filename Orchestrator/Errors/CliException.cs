namespace Drills.Orchestrator.Errors;

/// <summary>A problem with how a command was called or where it runs (arguments, data directory, service), with its exit code.</summary>
internal sealed class CliException(int exitCode, string problem, string fix) : DrillsException(exitCode, problem, fix);
