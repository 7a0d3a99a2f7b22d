using System.Diagnostics;
using CsCheck;
using Drills.Scenarios.Loading;
using Xunit.Abstractions;

namespace Drills.Orchestrator.Tests.Scenarios;

/// <summary>
/// A bounded fuzz campaign on the loader: mutated catalogues (from the sample and every earlier finding in
/// FuzzCorpus/) each end in a loaded catalogue or in located errors: never an exception, a hang or runaway memory.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    // CI's bounded campaign; DRILLS_FUZZ_INPUTS runs a longer one locally.
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("DRILLS_FUZZ_INPUTS"), out var inputs) ? inputs : 20_000;
    private static readonly TimeSpan MaxPerInput = TimeSpan.FromSeconds(5);
    private const long MaxAllocatedPerInput = 256L * 1024 * 1024;

    private static readonly string CorpusFolder = Path.Combine(AppContext.BaseDirectory, "Scenarios", "FuzzCorpus");

    // Pieces of YAML that reached the parser's edges in earlier campaigns.
    private static readonly string[] Tokens =
    [
        "[", "{", "]", "}", "&a ", "*a", "&b [", "*b", ":", ": ", "\"\\U", "\"\\x", "\\", "- ", "? ", "!<", "!<> ", "!",
        "%TAG ! \n", "---\n", "\n", "\t", "'", "\"", "#", ",", " ", "\u202E", "\u200B", "\0", "~", "<<: *a\n",
    ];

    public static TheoryData<string> CorpusFiles => [.. Directory.GetFiles(CorpusFolder, "*.yaml").Select(path => Path.GetFileName(path)).Order()];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_loads_or_is_refused_with_located_errors(string file)
    {
        var result = CatalogueLoader.LoadText(File.ReadAllText(Path.Combine(CorpusFolder, file)), file);

        AssertLoadedOrLocated(result);
        Assert.Equal(file is "sample.yaml" or "minimal.yaml" or "anchors.yaml", result.IsValid);
    }

    [Fact]
    public void Mutated_catalogues_load_or_are_refused_with_located_errors()
    {
        // Valid catalogues weigh four times a finding, so mutations reach the readers behind the parser too.
        var seeds = Directory.GetFiles(CorpusFolder, "*.yaml").Order().Select(File.ReadAllText)
            .SelectMany(text => Enumerable.Repeat(text, CatalogueLoader.LoadText(text, "seed.yaml").IsValid ? 4 : 1)).ToArray();
        var inputs = Gen.Select(Gen.OneOf(seeds), Mutation.Array[1, 8], Apply);
        int run = 0, loaded = 0;
        var stopwatch = Stopwatch.StartNew();

        inputs.Sample(text =>
        {
            var result = LoadMeasured(text);
            Interlocked.Increment(ref run);
            if (result.IsValid)
            {
                Interlocked.Increment(ref loaded);
            }
        }, iter: Inputs, print: Printable);

        var summary = $"Loader fuzz: {run} inputs in {stopwatch.Elapsed.TotalSeconds:F1} s: {loaded} loaded, {run - loaded} refused with located errors.";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(run >= Inputs, summary);
    }

    private static CatalogueLoadResult LoadMeasured(string text)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var result = CatalogueLoader.LoadText(text, "fuzz.yaml");
        Assert.True(stopwatch.Elapsed < MaxPerInput, $"took {stopwatch.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < MaxAllocatedPerInput, "allocated more than 256 MiB");
        AssertLoadedOrLocated(result);
        return result;
    }

    private static void AssertLoadedOrLocated(CatalogueLoadResult result)
    {
        Assert.Equal(result.Catalogue is not null, result.Errors.Count == 0);
        Assert.All(result.Errors, error =>
        {
            Assert.True(error.Location.Line >= 1 && error.Location.Column >= 1, $"not located: {error}");
            Assert.False(string.IsNullOrWhiteSpace(error.Fix), $"no fix: {error}");
            Assert.True(error.Message.Length <= 1000 && error.Fix.Length <= 1000, $"too long: {error.ToString().Length} characters");
        });
    }

    /// <summary>One edit of a catalogue's text; <see cref="At"/> is a fraction of the text's length, so edits compose.</summary>
    private sealed record Edit(int Kind, double At, int Token, int Count);

    private static readonly Gen<Edit> Mutation =
        Gen.Select(Gen.Int[0, 5], Gen.Double.Unit, Gen.Int[0, Tokens.Length - 1], Gen.Int[1, 40], (kind, at, token, count) => new Edit(kind, at, token, count));

    private static string Apply(string seed, Edit[] edits) => edits.Aggregate(seed, Apply);

    private static string Apply(string text, Edit edit)
    {
        var at = (int)(edit.At * text.Length);
        return edit.Kind switch
        {
            // Replace one character with any in the first 0x3000 code points (controls and surrogates included).
            0 when text.Length > 0 => string.Concat(text.AsSpan(0, at), ((char)(edit.Count * 311 + edit.Token * 7)).ToString(), text.AsSpan(Math.Min(at + 1, text.Length))),
            1 => text.Insert(at, Tokens[edit.Token]),
            2 => text.Insert(at, string.Concat(Enumerable.Repeat(Tokens[edit.Token], edit.Count))),
            3 => DuplicateLine(text, at),
            4 => text.Remove(at, Math.Min(edit.Count, text.Length - at)),
            _ => text[..at],
        };
    }

    private static string DuplicateLine(string text, int at)
    {
        var start = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        var end = text.IndexOf('\n', at);
        var line = end < 0 ? text[start..] + "\n" : text[start..(end + 1)];
        return text.Insert(start, line);
    }

    private static string Printable(string text) =>
        text.Length <= 2000 ? System.Text.Json.JsonSerializer.Serialize(text) : $"{text.Length} characters: {System.Text.Json.JsonSerializer.Serialize(text[..2000])}…";
}
