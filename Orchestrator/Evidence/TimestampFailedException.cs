using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Evidence;

/// <summary>
/// The time-stamp authority gave no usable token (unreachable, too slow, or an answer that is not a valid reply
/// to the request). The signature itself was made; the caller decides whether to keep it without a timestamp.
/// </summary>
internal sealed class TimestampFailedException(Uri authority, string problem, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem,
        $"check that {authority} is an RFC 3161 time-stamp authority reachable from this host, or leave out --tsa (and DRILLS_TSA_URL) to sign without a timestamp",
        inner)
{
    public Uri Authority { get; } = authority;
}
