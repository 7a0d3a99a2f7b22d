using Drills.Orchestrator.Steps;

namespace Drills.Orchestrator.Tests.Orchestrator.Steps;

public sealed class TargetProcessesTests
{
    private const string Marker = "drills-run-20261201-150000-0123456789abcdef";

    // pid ppid argv (arguments separated by 0x1f), as the listing command prints them.
    private static readonly string Listing = string.Join('\n',
        "1 0 nginx: master process nginx -g daemon off;\u001f",
        "7 1 nginx: worker process\u001f",
        $"40 1 timeout\u001f10\u001fsh\u001f-c\u001fwhile :; do :; done\u001f{Marker}\u001f",
        $"41 40 sh\u001f-c\u001fwhile :; do :; done\u001f{Marker}\u001f",
        $"50 1 timeout\u001f10\u001fsh\u001f-c\u001fdd if=/dev/zero bs=1 count=1 | sleep 10\u001f{Marker}\u001f",
        "51 50 sleep\u001f10\u001f",
        "52 50 dd\u001fif=/dev/zero\u001fbs=1\u001fcount=1\u001f",
        $"60 1 rm\u001f-rf\u001f--\u001f/tmp/{Marker}\u001f",
        "garbage line",
        "");

    [Fact]
    public void Listing_is_read_into_pids_parents_and_arguments()
    {
        var processes = TargetProcesses.Parse(Listing);

        Assert.Equal(8, processes.Count);
        Assert.Equal(["timeout", "10", "sh", "-c", "while :; do :; done", Marker], processes[2].Arguments);
        Assert.Equal(40, processes[3].ParentPid);
    }

    [Fact]
    public void Marked_processes_come_with_everything_they_started()
    {
        var marked = TargetProcesses.Marked(TargetProcesses.Parse(Listing), Marker);

        Assert.Equal([40, 41, 50, 51, 52], marked.Select(p => p.Pid).Order());
    }

    [Fact]
    public void A_path_holding_the_marker_is_not_a_marked_process()
    {
        var marked = TargetProcesses.Marked(TargetProcesses.Parse(Listing), Marker);

        Assert.DoesNotContain(marked, p => p.Pid == 60);
        Assert.DoesNotContain(marked, p => p.Pid is 1 or 7);
    }

    [Fact]
    public void Another_runs_marker_marks_nothing_here() =>
        Assert.Empty(TargetProcesses.Marked(TargetProcesses.Parse(Listing), "drills-run-20261201-150000-ffffffffffffffff"));
}
