using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Runs;

// The whole program: parse the verb, run it with the system clock, stop gracefully on SIGINT/SIGTERM.
using var signals = new ShutdownSignals(Console.Error);
return await BatchCommandLine.RunAsync(args, new RunConsole(Console.Out, Console.Error), TimeProvider.System, signals.Token);
