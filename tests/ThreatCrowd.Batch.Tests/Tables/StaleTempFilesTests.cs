using System.Diagnostics;
using ThreatCrowd.Batch.Tables;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

/// <summary>Only this program's leftovers are removed: never another program's file, never a live export's.</summary>
public sealed class StaleTempFilesTests : IDisposable
{
    /// <summary>Above any process id Linux hands out (at most 2^22), so no process has it.</summary>
    private const int GonePid = 999_999_999;

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_temporary_file_of_this_program_whose_writer_is_gone_is_removed()
    {
        _directory.Write($".threatcrowd_indicators.csv.tcb-{GonePid}-0123abcd.tmp", "half a table");
        _directory.Write("threatcrowd_indicators.csv", "indicator\n");

        StaleTempFiles.Remove(_directory.Path).ShouldBe(1);

        _directory.FileNames().ShouldBe(["threatcrowd_indicators.csv"]);
    }

    [Fact]
    public void Another_programs_temporary_files_are_left_alone_even_with_a_dot_and_tmp()
    {
        string[] foreign = [".report.csv.1a2b3c4d.tmp", ".x.tmp", ".notes.tcb.tmp", $".a.tcb-{GonePid}.tmp", $".a.csv.tcb-{GonePid}-XYZ.tmp"];
        foreach (var name in foreign)
        {
            _directory.Write(name, "someone else's");
        }

        StaleTempFiles.Remove(_directory.Path).ShouldBe(0);

        _directory.FileNames().ShouldBe(foreign.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_temporary_file_of_an_export_still_running_in_another_process_is_left_alone()
    {
        using var other = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var name = $".threatcrowd_indicators.csv.tcb-{other.Id}-0123abcd.tmp";
            _directory.Write(name, "being written");

            StaleTempFiles.Remove(_directory.Path).ShouldBe(0);

            _directory.FileNames().ShouldBe([name]);
        }
        finally
        {
            other.Kill();
        }
    }

    [Fact]
    public async Task The_temporary_file_of_a_table_names_this_program_and_this_process()
    {
        string? seen = null;
        await AtomicFile.WriteAsync(
            _directory.File("t.csv"),
            (stream, _) =>
            {
                seen = Path.GetFileName(((FileStream)stream).Name);
                return Task.CompletedTask;
            },
            CancellationToken.None);

        seen.ShouldNotBeNull();
        seen.ShouldStartWith($".t.csv.tcb-{Environment.ProcessId}-");
        TempFileName.WriterOf(seen).ShouldBe(Environment.ProcessId);
    }
}
