using System.Text;
using Drills.Orchestrator.Cli;
using Drills.Orchestrator.Logging;

Console.OutputEncoding = Encoding.UTF8;
// Secrets from the catalogue are masked in everything printed, whichever command prints it.
Console.SetOut(new RedactingWriter(Console.Out));
Console.SetError(new RedactingWriter(Console.Error));
// The process's one clock: everything that times or stamps anything is handed this instance.
var exitCode = await CliApp.RunAsync(args, TimeProvider.System);
await Console.Out.FlushAsync();
await Console.Error.FlushAsync();
return exitCode;
