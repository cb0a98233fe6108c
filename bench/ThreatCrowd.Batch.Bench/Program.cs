using System.Globalization;
using BenchmarkDotNet.Running;
using ThreatCrowd.Batch.Bench;
using ThreatCrowd.Batch.Bench.Measure;
using ThreatCrowd.Batch.Bench.Report;
using ThreatCrowd.Batch.Bench.Suites;

// The benchmarks of issue 6: the macro suites run the built program as a child process and print figures against
// the targets; "micro" hands over to BenchmarkDotNet for the hot paths inside it.
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(BenchSettings).Assembly).Run(args[1..], ThreatCrowd.Batch.Bench.Micro.MicroConfig.Create());
    return 0;
}

if (args.Length == 3 && args[0] == PostgresImportChild.Verb)
{
    return PostgresImportChild.Run(args[1], args[2]);
}

BenchSettings settings;
try
{
    settings = BenchCommandLine.Parse(args, BenchCommandLine.FindRepositoryRoot());
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (!File.Exists(settings.ProgramPath))
{
    Console.Error.WriteLine($"the program is not built at {settings.ProgramPath}; run ./run.sh bench, which builds it.");
    return 2;
}

var machine = MachineInfo.Describe();
Console.WriteLine($"machine: {machine}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {settings.Seed}, {settings.Runs} run(s) per measurement{(settings.Quick ? ", quick sizes" : "")}; data in {settings.WorkDirectory}"));
if (!ProgramRunner.HasSqlite3)
{
    Console.WriteLine("sqlite3 is not on PATH: the ratios to the sqlite3 shell are left out (apt-get install -y sqlite3).");
}

if (!ChildProcess.HasGnuTime)
{
    Console.WriteLine("/usr/bin/time is missing: peak RSS is polled from /proc and may miss the last moments of a run.");
}

var runner = new ProgramRunner(settings);
var figures = new List<Figure>();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

foreach (var suite in BenchSettings.AllSuites.Where(settings.Suites.Contains))
{
    Console.WriteLine($"{suite}...");
    figures.AddRange(suite switch
    {
        "import" => await new ImportSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        "export" => await new ExportSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        "pacing" => await new PacingSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        "scale" => await new ScaleSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        PostgresScaleSuite.Name => await new PostgresScaleSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        "postgres" => await new PostgresSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
        _ => await new ResumeSuite(settings, runner, Console.Out).RunAsync(cancel.Token),
    });
}

Console.WriteLine();
Console.Write(FigureTable.ToText(figures));
var record = Path.Combine(settings.WorkDirectory, "results.md");
var command = "./run.sh bench " + string.Join(' ', args);
await File.WriteAllTextAsync(record, FigureTable.ToMarkdown(figures, machine, command.TrimEnd()));
Console.WriteLine($"\nrecorded in {runner.Relative(record)}");

// A missed target is a figure to read, not a failure: only a harness that could not measure exits non-zero.
return 0;
