using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Orchestrator.Cli;
using Drills.Scenarios.RunRecords;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>drills export writes a bundle that drills verify finds intact, and one changed byte anywhere is found and located.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExportVerifyTests : IDisposable
{
    private readonly EvidenceBundleFixture _f = new();

    [Fact]
    public async Task An_exported_bundle_verifies_intact()
    {
        var export = await _f.ExportAsync();
        var verify = await _f.DrillsAsync("verify", _f.Bundle);

        Assert.True(export.Exit == ExitCodes.Passed, export.Stdout + export.Stderr);
        Assert.Equal(_f.Bundle, export.Stdout.Trim());
        Assert.Equal(["VERIFY.txt", "journal.jsonl", "junit.xml", "manifest.json", "manifest.p7s", "report.html", "signer.pem"], _f.Members().Keys.Order(StringComparer.Ordinal));
        Assert.True(verify.Exit == ExitCodes.Passed, verify.Stdout + verify.Stderr);
        Assert.Contains("intact", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("not who signed", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundled_report_is_final_and_names_the_chain_head_and_signer_of_its_manifest()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        var report = Encoding.UTF8.GetString(members["report.html"]);
        using var manifest = JsonDocument.Parse(members["manifest.json"]);
        var head = manifest.RootElement.GetProperty("predicate").GetProperty("journal").GetProperty("head").GetString()!;
        var signer = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(members["signer.pem"]));

        Assert.Contains("id=\"report-status\" class=\"final\"", report, StringComparison.Ordinal);
        Assert.Contains(head, report, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(signer.RawData)), report, StringComparison.Ordinal);
        Assert.DoesNotContain("BẢN NHÁP", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_in_the_data_directory_verifies_by_run_id_with_its_store_journal()
    {
        await _f.ExportAsync();

        var verify = await _f.DrillsAsync("verify", EvidenceBundleFixture.RunId, "--json");

        Assert.True(verify.Exit == ExitCodes.Passed, verify.Stdout + verify.Stderr);
        Assert.Contains("\"intact\":true", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"events\":6", verify.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.html")]
    [InlineData("manifest.json")]
    [InlineData("manifest.p7s")]
    [InlineData("signer.pem")]
    [InlineData("VERIFY.txt")]
    [InlineData("junit.xml")]
    public async Task One_changed_byte_in_a_member_fails_and_names_it(string member)
    {
        await _f.ExportAsync();
        var members = _f.Members();
        var content = members[member];
        // The signature's last byte is its value (no timestamp here); elsewhere the middle of the file.
        var at = member == "manifest.p7s" ? content.Length - 1 : member == "signer.pem" ? 100 : content.Length / 2;
        content[at] ^= 0x01;

        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "flipped"), "--json");

        Assert.Equal(ExitCodes.Failed, verify.Exit);
        Assert.Contains($"\"member\":\"{member}\"", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_changed_byte_in_the_journal_names_the_journal_and_the_event()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        var text = Encoding.UTF8.GetString(members["journal.jsonl"]);
        members["journal.jsonl"] = Encoding.UTF8.GetBytes(text.Replace("event 4", "event 5", StringComparison.Ordinal));

        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "edited"));

        Assert.Equal(ExitCodes.Failed, verify.Exit);
        Assert.Contains("journal.jsonl event 4 (line 4): edited", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_junit_file_the_manifest_lists_is_named()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        members.Remove("junit.xml");

        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "no-junit"));

        Assert.Equal(ExitCodes.Failed, verify.Exit);
        Assert.Contains("junit.xml", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("missing", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_where_text_belongs_is_a_named_failure_not_a_crash()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        var manifest = Encoding.UTF8.GetString(members["manifest.json"]);
        members["manifest.json"] = Encoding.UTF8.GetBytes(manifest.Replace("\"name\": \"junit.xml\"", "\"name\": null", StringComparison.Ordinal));
        var journal = Encoding.UTF8.GetString(members["journal.jsonl"]);
        members["journal.jsonl"] = Encoding.UTF8.GetBytes(Regex.Replace(journal, "\"hash\":\"[0-9a-f]{64}\"", "\"hash\":null"));

        Assert.Contains("\"name\": null", Encoding.UTF8.GetString(members["manifest.json"]), StringComparison.Ordinal);
        Assert.Contains("\"hash\":null", Encoding.UTF8.GetString(members["journal.jsonl"]), StringComparison.Ordinal);
        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "nulls"));

        Assert.True(verify.Exit == ExitCodes.Failed, verify.Stdout + verify.Stderr);
        Assert.Contains("manifest.json", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("journal.jsonl event 1", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reordered_and_a_deleted_journal_line_are_named()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        var lines = Encoding.UTF8.GetString(members["journal.jsonl"]).TrimEnd('\n').Split('\n').ToList();
        (lines[1], lines[2]) = (lines[2], lines[1]);
        lines.RemoveAt(4);
        members["journal.jsonl"] = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "reordered"));

        Assert.Equal(ExitCodes.Failed, verify.Exit);
        Assert.Contains("journal.jsonl event 3 (line 2): reordered", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("journal.jsonl event 6 (line 5): deleted", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_and_an_unexpected_member_are_named()
    {
        await _f.ExportAsync();
        var members = _f.Members();
        members.Remove("report.html");
        members["notes.txt"] = "added later"u8.ToArray();

        var verify = await _f.DrillsAsync("verify", _f.Rewrite(members, "changed-members"));

        Assert.Equal(ExitCodes.Failed, verify.Exit);
        Assert.Contains("report.html: missing", verify.Stdout, StringComparison.Ordinal);
        Assert.Contains("notes.txt: unexpected member", verify.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_zip_and_a_zip_that_is_no_bundle_exit_2()
    {
        var notZip = Path.Combine(_f.Root, "not.zip");
        await File.WriteAllTextAsync(notZip, "hello");
        var otherZip = _f.Rewrite([new("readme.md", "hi"u8.ToArray())], "other");

        var first = await _f.DrillsAsync("verify", notZip, "--json");
        var second = await _f.DrillsAsync("verify", otherZip, "--json");

        Assert.Equal(ExitCodes.BadInput, first.Exit);
        Assert.Contains("not a readable zip", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, second.Exit);
        Assert.Contains("not an evidence bundle", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_export_never_overwrites_the_first()
    {
        await _f.ExportAsync();
        var before = await File.ReadAllBytesAsync(_f.Bundle);

        var again = await _f.ExportAsync("--json");

        Assert.Equal(ExitCodes.BadInput, again.Exit);
        Assert.Contains("already exists", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(_f.Bundle));
    }

    [Fact]
    public async Task A_run_still_running_is_not_exported()
    {
        using var running = new EvidenceBundleFixture(RunOutcome.Running);

        var export = await running.ExportAsync("--json");

        Assert.Equal(ExitCodes.BadInput, export.Exit);
        Assert.Contains("still running", export.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(running.Bundle));
    }

    public void Dispose() => _f.Dispose();
}
