using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// The built program run as a real child process (for what is about processes: exit codes, locks, signals).
/// It is the same build the tests were compiled against, found beside the test assembly's own configuration.
/// </summary>
internal sealed partial class ProgramProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private ProgramProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static ProgramProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    public static ProgramProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(ProgramPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ProgramProcess(Process.Start(start)!);
    }

    /// <summary>The program and <paramref name="args"/> as one shell command line, each word quoted.</summary>
    public static string CommandLine(IEnumerable<string> args) =>
        string.Join(' ', new[] { "dotnet", ProgramPath() }.Concat(args).Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    public static async Task<(int Exit, string Output, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, process.Output, process.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    /// <summary>Waits (in real time: this is another process) until its standard output contains the text.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the program never wrote \"{text}\".\n--- stdout\n{Output}\n--- stderr\n{Error}");
            }

            await Task.Delay(20);
        }
    }

    public void Signal(int signal) => Kill(_process.Id, signal).ShouldBe(0);

    /// <summary>SIGKILL: no handler runs, nothing is flushed; the hardest stop there is.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static string ProgramPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name; // debug or release, as the tests were built
        var path = Path.Combine(RepositoryRoot.Find(), "artifacts", "bin", "ThreatCrowd.Batch", configuration, "threatcrowd-batch.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The program is not built next to the tests.", path);
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
