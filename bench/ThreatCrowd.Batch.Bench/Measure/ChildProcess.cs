using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ThreatCrowd.Batch.Bench.Measure;

/// <summary>
/// Runs a command as a child process and measures it from outside: wall time by a monotonic stopwatch around the
/// whole process, and peak RSS from GNU time's maximum resident set (the kernel's own high-water mark, read at
/// exit). Without /usr/bin/time the child's VmHWM is polled instead, which can miss growth in its last moments.
/// </summary>
internal static class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";

    public static bool HasGnuTime => File.Exists(GnuTime);

    public static async Task<ProcessResult> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct, string? standardInput = null)
    {
        var rssFile = Path.Combine(Path.GetTempPath(), $"tcb-bench-rss-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(HasGnuTime ? GnuTime : program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        if (HasGnuTime)
        {
            foreach (var arg in new[] { "-f", "%M", "-o", rssFile, program })
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            start.ArgumentList.Add(program);
        }

        foreach (var arg in arguments)
        {
            start.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), ct);
            process.StandardInput.Close();
        }

        long polledPeak = 0;
        using var poll = HasGnuTime ? null : new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        var exited = process.WaitForExitAsync(ct);
        while (poll is not null && !exited.IsCompleted)
        {
            polledPeak = Math.Max(polledPeak, ReadHighWaterMark(process.Id));
            await Task.WhenAny(exited, poll.WaitForNextTickAsync(ct).AsTask());
        }

        await exited;
        clock.Stop();
        process.WaitForExit();
        var peak = HasGnuTime ? ReadGnuTimePeak(rssFile) : polledPeak;
        File.Delete(rssFile);
        lock (output)
        {
            lock (error)
            {
                return new ProcessResult(process.ExitCode, clock.Elapsed, peak, output.ToString(), error.ToString());
            }
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static long ReadGnuTimePeak(string file)
    {
        // GNU time writes "Command exited with non-zero status N" before the figure when the command failed.
        var last = File.Exists(file) ? File.ReadLines(file).LastOrDefault(l => l.Length > 0) : null;
        return long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib : 0;
    }

    /// <summary>VmHWM of a running process in KiB, 0 once it is gone.</summary>
    public static long ReadHighWaterMark(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between two polls.
        }

        return 0;
    }
}
