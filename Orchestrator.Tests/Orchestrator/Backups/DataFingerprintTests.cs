using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Docker;

namespace Drills.Orchestrator.Tests.Orchestrator.Backups;

public sealed class DataFingerprintTests
{
    private const string Old = "1000.5 1000.5 f 644 0 0 4 77 /srv/www/index.html\0\0";

    [Fact]
    public void The_same_listing_gives_the_same_fingerprint()
    {
        Assert.Equal(DataFingerprint.Of(new ExecResult(0, "2000\n" + Old, "")), DataFingerprint.Of(new ExecResult(0, "2001\n" + Old, "")));
    }

    [Fact]
    public void A_changed_mode_owner_or_ctime_gives_another_fingerprint()
    {
        var before = DataFingerprint.Of(new ExecResult(0, "2000\n" + Old, ""));

        Assert.NotEqual(before, DataFingerprint.Of(new ExecResult(0, "2000\n" + Old.Replace(" 644 ", " 600 ", StringComparison.Ordinal), "")));
        Assert.NotEqual(before, DataFingerprint.Of(new ExecResult(0, "2000\n" + Old.Replace(" 0 0 ", " 33 33 ", StringComparison.Ordinal), "")));
        Assert.NotEqual(before, DataFingerprint.Of(new ExecResult(0, "2000\n" + Old.Replace("1000.5 1000.5", "1500.5 1000.5", StringComparison.Ordinal), "")));
    }

    [Fact]
    public void A_listing_cut_short_vouches_for_nothing()
    {
        var cut = new ExecResult(0, "2000\n" + Old, "") { StdoutBytes = 5L * 1024 * 1024 };

        Assert.NotNull(DataFingerprint.Of(new ExecResult(0, "2000\n" + Old, "")));
        Assert.Null(DataFingerprint.Of(cut));
    }

    [Fact]
    public void An_entry_changed_within_two_seconds_of_the_listing_is_not_trusted()
    {
        Assert.Null(DataFingerprint.Of(new ExecResult(0, "1001\n" + Old, "")));
    }

    [Theory]
    [InlineData(1, "2000\n")]
    [InlineData(0, "")]
    [InlineData(0, "not a clock\n" + Old)]
    public void A_failed_or_unreadable_listing_gives_no_fingerprint(long exit, string stdout)
    {
        Assert.Null(DataFingerprint.Of(new ExecResult(exit, stdout, "find: unrecognized: -printf")));
    }
}
