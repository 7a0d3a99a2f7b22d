using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Integration;
using Drills.Orchestrator.Tests.Reports;
using Drills.Reports.AfterAction;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills report RUN_ID --lang vi|en|both</c> writes the report in the languages asked.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drills-report-cmd-").FullName;

    [Theory]
    [InlineData(null, "Both")]
    [InlineData("both", "Both")]
    [InlineData("vi", "Vi")]
    [InlineData(" EN ", "En")]
    public void Language_option_reads_vi_en_and_both(string? written, string expected) =>
        Assert.Equal(Enum.Parse<ReportLanguage>(expected), LanguageOption.Read(written));

    [Fact]
    public void Unknown_language_is_refused_with_exit_2_and_the_fix()
    {
        var error = Assert.Throws<CliException>(() => LanguageOption.Read("fr"));

        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
        Assert.Contains("--lang vi", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_command_writes_a_Vietnamese_only_report_and_refuses_a_bad_language()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "drills.db"));
        store.Begin(OutcomeRuns.Passed());
        SqliteConnection.ClearAllPools();

        var written = await CliProcess.RunAsync("report", "20261122-190000-r1", "--lang", "vi", "--data-dir", _folder);
        var refused = await CliProcess.RunAsync("report", "20261122-190000-r1", "--lang", "fr", "--data-dir", _folder);

        Assert.Equal(ExitCodes.Passed, written.ExitCode);
        var html = await File.ReadAllTextAsync(written.Stdout.Trim());
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Tóm tắt</h2>", html, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("--lang vi", refused.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
