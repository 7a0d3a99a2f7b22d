using Drills.Bench.Output;

namespace Drills.Bench.Sections;

/// <summary>One numbered section of BENCHMARKS.md.</summary>
internal interface ISection
{
    int Number { get; }

    string Title { get; }

    /// <summary>Measures, printing progress as it goes; what it returns is printed and written, never asserted.</summary>
    Task<SectionReport> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
