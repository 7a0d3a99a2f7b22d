using Drills.Orchestrator.Backups;
using Drills.Orchestrator.Canaries;
using Drills.Orchestrator.Checks;
using Drills.Orchestrator.Docker;
using Drills.Orchestrator.Engine;
using Drills.Orchestrator.Errors;
using Drills.Orchestrator.Evidence;
using Drills.Orchestrator.Manual;
using Drills.Orchestrator.Safety;
using Drills.Orchestrator.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Errors;

public sealed class DrillsExceptionTests
{
    [Fact]
    public void Every_error_drills_declares_derives_from_the_one_base_type()
    {
        var strays = typeof(DrillsException).Assembly.GetTypes()
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !typeof(DrillsException).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(strays);
    }

    public static TheoryData<string, int> ExitCodeOfEachError => new()
    {
        { nameof(BackupCorruptException), ExitCodes.Aborted },
        { nameof(BaselineUnhealthyException), ExitCodes.Environment },
        { nameof(StepFailedException), ExitCodes.Aborted },
        { nameof(DockerOperationException), ExitCodes.Environment },
        { nameof(DockerUnavailableException), ExitCodes.Environment },
        { nameof(ArchiveTooLargeException), ExitCodes.Environment },
        { nameof(SnapshotWriteException), ExitCodes.Environment },
        { nameof(ReadinessFailedException), ExitCodes.Environment },
        { nameof(BackupCommandException), ExitCodes.Environment },
        { nameof(QuiesceFailedException), ExitCodes.Environment },
        { nameof(BackupBeforeAttackException), ExitCodes.Environment },
        { nameof(MissingImageException), ExitCodes.Environment },
        { nameof(TargetRefusedException), ExitCodes.Environment },
        { nameof(SystemBusyException), ExitCodes.Environment },
        { nameof(ContainerBusyException), ExitCodes.Environment },
        { nameof(DrillsLockFolderException), ExitCodes.Environment },
        { nameof(HostRefusedException), ExitCodes.Environment },
        { nameof(ConfirmationRefusedException), ExitCodes.BadInput },
        { nameof(CatalogueInvalidException), ExitCodes.BadInput },
        { nameof(BundleUnreadableException), ExitCodes.BadInput },
        { nameof(SigningCertificateException), ExitCodes.BadInput },
        { nameof(SigningOptionException), ExitCodes.BadInput },
        { nameof(SigningStoreException), ExitCodes.Environment },
        { nameof(TimestampFailedException), ExitCodes.Environment },
    };

    [Theory]
    [MemberData(nameof(ExitCodeOfEachError))]
    public void Each_error_ends_the_command_with_its_exit_code(string type, int expected)
    {
        DrillsException error = type switch
        {
            nameof(SystemBusyException) => new SystemBusyException("portal", "run r1"),
            nameof(ContainerBusyException) => new ContainerBusyException("drills-portal", "run r1", "/run/drills/drills-portal.lock"),
            nameof(DrillsLockFolderException) => new DrillsLockFolderException("/run/drills", "/tmp/drills-locks"),
            nameof(CatalogueInvalidException) => new CatalogueInvalidException([]),
            nameof(SigningOptionException) => new SigningOptionException("it broke.", "mend it"),
            nameof(TimestampFailedException) => new TimestampFailedException(new Uri("http://tsa.example.org/"), "it broke."),
            nameof(ArchiveTooLargeException) => new ArchiveTooLargeException("drills-portal", "/srv/www", ArchiveLimit.InMemory),
            _ => (DrillsException)typeof(DrillsException).Assembly.GetTypes().Single(t => t.Name == type)
                .GetConstructors().Single().Invoke(["it broke.", "mend it", null]),
        };

        Assert.Equal(expected, error.ExitCode);
    }

    [Fact]
    public void Every_error_type_is_in_the_exit_code_table()
    {
        var table = ExitCodeOfEachError.Select(row => (string)row[0]).ToHashSet();
        var declared = typeof(DrillsException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DrillsException)) && t != typeof(CliException))
            .Select(t => t.Name);

        Assert.Equal(declared.Order(), table.Order());
    }

    [Fact]
    public void A_problem_without_final_punctuation_still_reads_as_a_sentence_before_its_fix()
    {
        var error = new StepFailedException("exit 1, expected 0", "correct the command.");

        Assert.Equal("exit 1, expected 0. Fix: correct the command.", error.Message);
        Assert.Equal("correct the command", error.Fix);
    }

    [Fact]
    public void An_observation_records_the_problem_without_the_advice()
    {
        Assert.Equal("Container abc is paused.", DrillsException.ProblemOf(new DockerOperationException("Container abc is paused.", "unpause it")));
        Assert.Equal("plain", DrillsException.ProblemOf(new InvalidOperationException("plain")));
    }

    [Fact]
    public void The_message_carries_the_problem_then_its_fix()
    {
        var error = new TargetRefusedException("Refusing to touch container 'x'. ", "remove it");

        Assert.Equal("Refusing to touch container 'x'.", error.Problem);
        Assert.Equal("remove it", error.Fix);
        Assert.Equal("Refusing to touch container 'x'. Fix: remove it.", error.Message);
        Assert.Equal(ExitCodes.Environment, error.ExitCode);
    }
}
