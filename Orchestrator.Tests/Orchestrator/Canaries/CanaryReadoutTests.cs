using Drills.Orchestrator.Canaries;

namespace Drills.Orchestrator.Tests.Orchestrator.Canaries;

public sealed class CanaryReadoutTests
{
    private const string Run = "20261201-080000-fa65c1d2e3b4a596";
    private static readonly string[] Known = [.. Enumerable.Range(1, 12).Select(i => CanaryWriter.MarkerFor(Run, i))];

    [Fact]
    public void Markers_are_read_from_lines_the_way_psql_prints_them()
    {
        var output = $"{Known[0]}\n{Known[2]}\n(2 rows)\n";

        Assert.Equal([Known[0], Known[2]], CanaryReadout.Present(output, Known).Order());
    }

    [Fact]
    public void A_marker_counts_only_as_a_whole_word()
    {
        // The sequence is fixed-width: 000001 is never the start of 0000010, and a longer token is another marker.
        var output = $"{Known[0]}0 x{Known[1]} {Known[2]}|{Known[3]}-extra \"{Known[4]}\"";

        Assert.Equal([Known[2], Known[4]], CanaryReadout.Present(output, Known).Order());
    }

    [Fact]
    public void Repeated_and_foreign_markers_cannot_inflate_what_is_present()
    {
        var other = CanaryWriter.MarkerFor("20261130-080000-0000000000000000", 1);
        var output = string.Join('\n', Enumerable.Repeat(Known[0], 10_000).Append(other).Append(CanaryWriter.MarkerFor(Run, 999)));

        Assert.Equal([Known[0]], CanaryReadout.Present(output, Known));
    }

    [Fact]
    public void A_megabyte_of_hostile_output_is_read_in_one_pass()
    {
        var noise = new string('a', 1 << 20) + "\0\u001b[2J\n" + Known[5] + "\n" + new string('-', 1 << 19);

        Assert.Equal([Known[5]], CanaryReadout.Present(noise, Known));
    }
}
