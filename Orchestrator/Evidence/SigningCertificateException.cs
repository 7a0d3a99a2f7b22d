using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Evidence;

/// <summary>The certificate named to sign evidence cannot sign: missing file, wrong password, no key, out of validity.</summary>
internal sealed class SigningCertificateException(string problem, string fix, Exception? inner = null)
    : DrillsException(ExitCodes.BadInput, problem, fix, inner);
