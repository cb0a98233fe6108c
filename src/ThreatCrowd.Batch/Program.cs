using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Reporting;

// The whole program: parse the verb, run it with the system clock, stop gracefully on SIGINT/SIGTERM.
// A live progress display only on a terminal; cron, systemd and the scheduler's logs get plain lines.
using var signals = new ShutdownSignals(Console.Error);
var live = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "" or "dumb");
return await BatchCommandLine.RunAsync(args, new RunConsole(Console.Out, Console.Error, live), TimeProvider.System, signals.Token);
