using Drills.Scenarios.Text;

namespace Drills.Scenarios.Checks;

/// <summary>A steady-state probe. All of a system's checks passing means the system is up.</summary>
internal abstract record CheckDefinition(SourceLocation Location)
{
    /// <summary>Short human form used in progress output, journals and reports.</summary>
    public abstract string Describe();
}

/// <summary>GET a URL on the host's loopback; pass on the expected status and, if given, body text.</summary>
internal sealed record HttpCheck(string Url, int ExpectStatus, string? Contains, SourceLocation Location)
    : CheckDefinition(Location)
{
    public override string Describe() =>
        Contains is null ? $"http {Url} → {ExpectStatus}" : $"http {Url} → {ExpectStatus} containing \"{Contains}\"";
}

/// <summary>Open a TCP connection to a published port.</summary>
internal sealed record TcpCheck(string Host, int Port, SourceLocation Location) : CheckDefinition(Location)
{
    public override string Describe() => $"tcp {Host}:{Port}";
}

/// <summary>Run a command inside the target container; pass on the expected exit code and, if given, output text.</summary>
internal sealed record ExecCheck(IReadOnlyList<string> Command, int ExpectExitCode, string? Contains, SourceLocation Location)
    : CheckDefinition(Location)
{
    public override string Describe() =>
        $"exec {string.Join(' ', Command)}" + (Contains is null ? "" : $" containing \"{Contains}\"");
}
