using System.Text;
using Drills.Orchestrator.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await CliApp.RunAsync(args);
