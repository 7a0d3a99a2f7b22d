using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Evidence;

/// <summary>The default signer kept in the data directory cannot be read or created.</summary>
internal sealed class SigningStoreException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.Environment, problem, fix, inner);
