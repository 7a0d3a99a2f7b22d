using System.Diagnostics;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>The real openssl command line, the standard tool an appraiser checks evidence with.</summary>
internal static class OpenSsl
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>The command the contract promises works on every bundle: the signature over the content, against a trusted PEM.</summary>
    public static async Task<Result> CmsVerifyAsync(string folder, byte[] content, byte[] signature, string trustedPem)
    {
        await File.WriteAllBytesAsync(Path.Combine(folder, "manifest.json"), content);
        await File.WriteAllBytesAsync(Path.Combine(folder, "manifest.p7s"), signature);
        await File.WriteAllTextAsync(Path.Combine(folder, "trusted.pem"), trustedPem);
        return await RunAsync(folder, "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s",
            "-content", "manifest.json", "-CAfile", "trusted.pem", "-purpose", "any", "-out", Path.Combine(folder, "verified.out"));
    }
}
