using System.IO.Compression;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Runs;
using Drills.Orchestrator.Tests.Orchestrator.Cli;
using Drills.Orchestrator.Tests.Reports;
using Drills.Scenarios.RunRecords;
using Microsoft.Data.Sqlite;

namespace Drills.Orchestrator.Tests.Orchestrator.Evidence;

/// <summary>A data directory holding one ended run, and the drills CLI run in-process against it (export, verify).</summary>
internal sealed class EvidenceBundleFixture : IDisposable
{
    public const string RunId = "20261201-040000-00000000000e71de";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero);

    public EvidenceBundleFixture(RunOutcome outcome = RunOutcome.Passed, string? secret = null)
    {
        Directory.CreateDirectory(Out);
        var store = new SqliteRunStore(Path.Combine(Data, "drills.db"));
        var run = SampleRuns.Passed() with { RunId = RunId, Outcome = outcome, StartedAtUtc = Start, EndedAtUtc = Start.AddMinutes(1), Journal = [], StartedBy = "user:tester" };
        store.Begin(run with { Outcome = RunOutcome.Running });
        store.KeepCatalogue(run.CatalogueSha256, "scenarios.yaml", "version: 1\n");
        var sink = store.JournalFor(RunId);
        for (var n = 1; n <= 6; n++)
        {
            sink.Append(new JournalEvent(n, JournalMark.Note, Start.AddSeconds(n), TimeSpan.FromSeconds(n), $"Sự kiện {n} / event {n}{(secret is null ? "" : " " + secret)}", n == 3 ? "chi tiết" : null));
        }

        if (outcome != RunOutcome.Running)
        {
            store.Complete(run with { AbortReason = secret });
        }

        SqliteConnection.ClearAllPools();
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "drills-evidence-" + Guid.NewGuid().ToString("N")[..8]);
    public string Data => Path.Combine(Root, "data");
    public string Out => Path.Combine(Root, "out");
    public string Bundle => Path.Combine(Out, $"drills-evidence-{RunId}.zip");

    public async Task<(int Exit, string Stdout, string Stderr)> DrillsAsync(params string[] args)
    {
        using var console = new ConsoleCapture();
        var exit = await CliApp.RunAsync([.. args, "--data-dir", Data], TimeProvider.System);
        SqliteConnection.ClearAllPools();
        return (exit, console.Stdout, console.Stderr);
    }

    public Task<(int Exit, string Stdout, string Stderr)> ExportAsync(params string[] extra) => DrillsAsync(["export", RunId, "--out", Out, .. extra]);

    /// <summary>Every member of the bundle, by name.</summary>
    public Dictionary<string, byte[]> Members()
    {
        using var zip = ZipFile.OpenRead(Bundle);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    /// <summary>Writes a bundle with these members (in this order) at a new path and returns it.</summary>
    public string Rewrite(IEnumerable<KeyValuePair<string, byte[]>> members, string name)
    {
        var path = Path.Combine(Root, name + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (member, content) in members)
        {
            using var stream = zip.CreateEntry(member).Open();
            stream.Write(content);
        }

        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
