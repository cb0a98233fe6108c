using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>Globs over folders with symbolic links: each file once, under a sane path, and always an end.</summary>
public sealed class CsvFileListTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_link_back_up_the_tree_is_not_walked_again_and_each_file_is_listed_once()
    {
        directory.Write("d/top.csv", "domain\na.com\n");
        directory.Write("d/sub/low.csv", "domain\nb.com\n");
        File.CreateSymbolicLink(directory.File("d/sub/up"), "..");

        var files = CsvFileList.Expand([directory.File("d") + "/**/*.csv"]).Single().Files;

        files.ShouldBe([directory.File("d/sub/low.csv"), directory.File("d/top.csv")]);
    }

    [Fact]
    public async Task A_cycle_of_links_ends_with_each_file_once()
    {
        directory.Write("d/a/one.csv", "domain\na.com\n");
        directory.Write("d/b/two.csv", "domain\nb.com\n");
        File.CreateSymbolicLink(directory.File("d/a/to-b"), "../b");
        File.CreateSymbolicLink(directory.File("d/b/to-a"), "../a");
        File.CreateSymbolicLink(directory.File("d/a/self"), ".");

        var files = await Task.Run(() => CsvFileList.Expand([directory.File("d") + "/**/*.csv"]).Single().Files).WaitAsync(TimeSpan.FromSeconds(10));

        files.ShouldBe([directory.File("d/a/one.csv"), directory.File("d/b/two.csv")]);
    }

    [Fact]
    public void A_linked_folder_reached_only_through_its_link_is_still_read()
    {
        directory.Write("elsewhere/far.csv", "domain\nc.com\n");
        directory.Write("d/near.csv", "domain\na.com\n");
        Directory.CreateSymbolicLink(directory.File("d/linked"), directory.File("elsewhere"));

        var files = CsvFileList.Expand([directory.File("d") + "/**/*.csv"]).Single().Files;

        files.ShouldBe([directory.File("d/linked/far.csv"), directory.File("d/near.csv")]);
    }

    [Fact]
    public void A_pattern_without_double_star_does_not_look_below_its_own_depth()
    {
        directory.Write("d/top.csv", "domain\na.com\n");
        directory.Write("d/sub/low.csv", "domain\nb.com\n");

        CsvFileList.Expand([directory.File("d") + "/*.csv"]).Single().Files.ShouldBe([directory.File("d/top.csv")]);
        CsvFileList.Expand([directory.File("d") + "/*/*.csv"]).Single().Files.ShouldBe([directory.File("d/sub/low.csv")]);
    }

    [Fact]
    public void A_fifo_in_a_globbed_folder_is_listed_so_that_reading_it_is_refused_by_name()
    {
        directory.Write("d/a.csv", "domain\na.com\n");
        var fifo = SpecialFiles.Fifo(directory.File("d/b.csv"));

        CsvFileList.Expand([directory.File("d") + "/*.csv"]).Single().Files.ShouldBe([directory.File("d/a.csv"), fifo]);
    }
}
