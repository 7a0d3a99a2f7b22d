using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Orchestrator.Cli;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>A bundle checks out with openssl, sha256sum and a shell, exactly as its VERIFY.txt says; it holds no secret; an agency's certificate verifies against its CA.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BundleWithStandardToolsTests : IDisposable
{
    private readonly string _secret = "evidence-secret-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly EvidenceBundleFixture _f;

    public BundleWithStandardToolsTests()
    {
        Drills.Scenarios.Text.Secrets.Register(_secret);
        _f = new EvidenceBundleFixture(RunOutcome.Aborted, _secret);
    }

    [Fact]
    public async Task Openssl_sha256sum_and_the_chain_script_of_VERIFY_txt_pass_on_an_extracted_bundle()
    {
        await _f.ExportAsync();
        var folder = Path.Combine(_f.Root, "extracted");
        ZipFile.ExtractToDirectory(_f.Bundle, folder);
        var instructions = await File.ReadAllTextAsync(Path.Combine(folder, "VERIFY.txt"));

        var cms = await OpenSsl.RunAsync(folder, "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.p7s", "-content", "manifest.json",
            "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null");
        var digests = await ShellAsync(folder, Command(instructions, "awk -F"));
        var chain = await ShellAsync(folder, Script(instructions));
        var head = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, "journal.jsonl"))).TrimEnd('\n').Split('\n')[^1];

        Assert.True(cms.ExitCode == 0, cms.ToString());
        Assert.True(digests.Exit == 0, digests.Output);
        Assert.Contains("report.html: OK", digests.Output, StringComparison.Ordinal);
        Assert.Contains("journal.jsonl: OK", digests.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("line", chain.Output, StringComparison.Ordinal);
        Assert.Contains("head: " + head[(head.LastIndexOf(":\"", StringComparison.Ordinal) + 2)..^2], chain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chain_script_of_VERIFY_txt_names_an_edited_line()
    {
        await _f.ExportAsync();
        var folder = Path.Combine(_f.Root, "extracted");
        ZipFile.ExtractToDirectory(_f.Bundle, folder);
        var journal = Path.Combine(folder, "journal.jsonl");
        await File.WriteAllTextAsync(journal, (await File.ReadAllTextAsync(journal)).Replace("event 2", "event 9", StringComparison.Ordinal));

        var chain = await ShellAsync(folder, Script(await File.ReadAllTextAsync(Path.Combine(folder, "VERIFY.txt"))));

        Assert.Contains("line 2: edited", chain.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_member_holds_a_secret()
    {
        await _f.ExportAsync();

        var holding = _f.Members().Where(m => Encoding.UTF8.GetString(m.Value).Contains(_secret, StringComparison.Ordinal)).Select(m => m.Key);

        Assert.Empty(holding);
        Assert.Contains("***", Encoding.UTF8.GetString(_f.Members()["journal.jsonl"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_signed_with_an_agency_p12_verifies_against_its_CA_and_not_against_another()
    {
        using var ca = TestCertificates.Authority("Evidence Test CA");
        using var leaf = TestCertificates.Leaf(ca, "Evidence Test Agency");
        using var stranger = TestCertificates.Authority("Another CA");
        var p12 = TestCertificates.WriteP12(Path.Combine(_f.Root, "agency.p12"), "pass-p12", leaf, ca);
        var caFile = Path.Combine(_f.Root, "ca.pem");
        var strangerFile = Path.Combine(_f.Root, "stranger.pem");
        await File.WriteAllTextAsync(caFile, TestCertificates.Pem(ca));
        await File.WriteAllTextAsync(strangerFile, TestCertificates.Pem(stranger));
        var environment = new Dictionary<string, string> { ["DRILLS_SIGNING_CERT_PASSWORD"] = "pass-p12" };

        var export = await CliProcess.RunWithAsync(environment, "export", EvidenceBundleFixture.RunId, "--out", _f.Out, "--signing-cert", p12, "--data-dir", _f.Data);
        var trusted = await CliProcess.RunAsync("verify", _f.Bundle, "--ca", caFile);
        var untrusted = await CliProcess.RunAsync("verify", _f.Bundle, "--ca", strangerFile);

        Assert.True(export.ExitCode == ExitCodes.Passed, export.Stdout + export.Stderr);
        Assert.True(trusted.ExitCode == ExitCodes.Passed, trusted.Stdout + trusted.Stderr);
        Assert.Contains("Evidence Test Agency", trusted.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, untrusted.ExitCode);
        Assert.Contains("manifest.p7s", untrusted.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The line of VERIFY.txt that starts with <paramref name="start"/>, as a command.</summary>
    private static string Command(string instructions, string start) =>
        instructions.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(start, StringComparison.Ordinal));

    /// <summary>The chain script of VERIFY.txt: from the line setting prev to the one printing the head.</summary>
    private static string Script(string instructions)
    {
        var lines = instructions.Split('\n').Select(l => l.Trim()).ToList();
        var first = lines.FindIndex(l => l.StartsWith("prev=", StringComparison.Ordinal));
        var last = lines.FindIndex(l => l.Contains("echo \"head:", StringComparison.Ordinal));
        return string.Join("\n", lines.GetRange(first, last - first + 1));
    }

    private static async Task<(int Exit, string Output)> ShellAsync(string folder, string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    public void Dispose() => _f.Dispose();
}
