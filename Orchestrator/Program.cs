using System.Text;
using Drills.Orchestrator.Cli;

Console.OutputEncoding = Encoding.UTF8;
// The process's one clock: everything that times or stamps anything is handed this instance.
return await CliApp.RunAsync(args, TimeProvider.System);
