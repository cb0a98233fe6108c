using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>Globs over folders with symbolic links: each file once, under a sane path, and always an end.</summary>
public sealed class CsvFileListTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_link_back_up_the_tree_is_not_walked_again_and_each_file_is_listed_once()
    {
        _directory.Write("d/top.csv", "domain\na.com\n");
        _directory.Write("d/sub/low.csv", "domain\nb.com\n");
        File.CreateSymbolicLink(_directory.File("d/sub/up"), "..");

        var files = CsvFileList.Expand([_directory.File("d") + "/**/*.csv"]).Single().Files;

        files.ShouldBe([_directory.File("d/sub/low.csv"), _directory.File("d/top.csv")]);
    }

    [Fact]
    public async Task A_cycle_of_links_ends_with_each_file_once()
    {
        _directory.Write("d/a/one.csv", "domain\na.com\n");
        _directory.Write("d/b/two.csv", "domain\nb.com\n");
        File.CreateSymbolicLink(_directory.File("d/a/to-b"), "../b");
        File.CreateSymbolicLink(_directory.File("d/b/to-a"), "../a");
        File.CreateSymbolicLink(_directory.File("d/a/self"), ".");

        var files = await Task.Run(() => CsvFileList.Expand([_directory.File("d") + "/**/*.csv"]).Single().Files).WaitAsync(TimeSpan.FromSeconds(10));

        files.ShouldBe([_directory.File("d/a/one.csv"), _directory.File("d/b/two.csv")]);
    }

    [Fact]
    public void A_linked_folder_reached_only_through_its_link_is_still_read()
    {
        _directory.Write("elsewhere/far.csv", "domain\nc.com\n");
        _directory.Write("d/near.csv", "domain\na.com\n");
        Directory.CreateSymbolicLink(_directory.File("d/linked"), _directory.File("elsewhere"));

        var files = CsvFileList.Expand([_directory.File("d") + "/**/*.csv"]).Single().Files;

        files.ShouldBe([_directory.File("d/linked/far.csv"), _directory.File("d/near.csv")]);
    }

    [Fact]
    public void A_pattern_without_double_star_does_not_look_below_its_own_depth()
    {
        _directory.Write("d/top.csv", "domain\na.com\n");
        _directory.Write("d/sub/low.csv", "domain\nb.com\n");

        CsvFileList.Expand([_directory.File("d") + "/*.csv"]).Single().Files.ShouldBe([_directory.File("d/top.csv")]);
        CsvFileList.Expand([_directory.File("d") + "/*/*.csv"]).Single().Files.ShouldBe([_directory.File("d/sub/low.csv")]);
    }

    [Fact]
    public void A_fifo_in_a_globbed_folder_is_listed_so_that_reading_it_is_refused_by_name()
    {
        _directory.Write("d/a.csv", "domain\na.com\n");
        var fifo = SpecialFiles.Fifo(_directory.File("d/b.csv"));

        CsvFileList.Expand([_directory.File("d") + "/*.csv"]).Single().Files.ShouldBe([_directory.File("d/a.csv"), fifo]);
    }
}
