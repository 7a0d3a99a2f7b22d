using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Tests.Integration;

using static Drills.Orchestrator.Tests.Orchestrator.Cli.ScheduledCatalogue;

namespace Drills.Orchestrator.Tests.Orchestrator.Cli;

/// <summary><c>drills serve</c> refuses bad input before it schedules anything or opens a container.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly ScheduledCatalogue _catalogue = new();

    [Theory]
    [InlineData("--max-concurrent", "0", "--max-concurrent is 0; it must be between 1 and 32.")]
    [InlineData("--max-concurrent", "33", "--max-concurrent is 33; it must be between 1 and 32.")]
    [InlineData("--keep-snapshots", "0", "--keep-snapshots is 0; it must be at least 1")]
    [InlineData("--misfire-grace", "banana", "--misfire-grace 'banana' is not a duration.")]
    public async Task Bad_option_exits_2_with_the_fix(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync("serve", "--file", _catalogue.Path, option, value, "--data-dir", _catalogue.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(message, Flat(result.Stderr), StringComparison.Ordinal);
        Assert.Contains("fix:", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.False(SchedulerTablesExist(_catalogue.DataDir), "nothing was scheduled");
    }

    [Fact]
    public async Task Catalogue_whose_schedule_can_never_fire_is_refused_with_its_place()
    {
        using var past = new ScheduledCatalogue(schedule: "0 0 2 1 1 ? 2020");

        var result = await CliProcess.RunAsync("serve", "--file", past.Path, "--data-dir", past.DataDir);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains($"{Path.GetFileName(past.Path)}:12:", Flat(result.Stderr), StringComparison.Ordinal);
        Assert.False(SchedulerTablesExist(past.DataDir), "nothing was scheduled");
    }

    public void Dispose() => _catalogue.Dispose();

    /// <summary>The service opens its run store first (to recover crashed runs); the scheduler's tables come only with a good catalogue.</summary>
    private static bool SchedulerTablesExist(string dataDir)
    {
        var file = Path.Combine(dataDir, "drills.db");
        if (!File.Exists(file))
        {
            return false;
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'qrtz%'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
