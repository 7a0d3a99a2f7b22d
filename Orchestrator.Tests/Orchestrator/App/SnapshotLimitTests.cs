using Drills.Orchestrator.App;
using Drills.Orchestrator.Errors;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

public sealed class SnapshotLimitTests
{
    [Fact]
    public void Unset_the_limit_is_64_GiB_far_above_what_one_buffer_could_hold() =>
        Assert.Equal(64L << 30, SnapshotLimit.Bytes(null));

    [Fact]
    public void A_size_in_GiB_sets_the_limit() => Assert.Equal(3L << 29, SnapshotLimit.Bytes("1.5"));

    [Theory]
    [InlineData("lots")]
    [InlineData("0")]
    [InlineData("-4")]
    public void A_size_that_is_not_a_positive_number_is_refused_naming_the_variable(string value)
    {
        var refused = Assert.Throws<CliException>(() => SnapshotLimit.Bytes(value));

        Assert.Contains(SnapshotLimit.Variable, refused.Message, StringComparison.Ordinal);
    }
}
