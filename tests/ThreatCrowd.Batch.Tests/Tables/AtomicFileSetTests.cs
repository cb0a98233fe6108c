using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class AtomicFileSetTests
{
    [Fact]
    public async Task A_commit_replaces_every_file_and_returns_their_full_paths()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("t.csv"), "old csv");
        await File.WriteAllTextAsync(folder.File("t.json"), "old json");

        IReadOnlyList<string> paths;
        await using (var files = new AtomicFileSet())
        {
            await files.Create(folder.File("t.csv")).WriteAsync("new csv"u8.ToArray());
            await files.Create(folder.File("t.json")).WriteAsync("new json"u8.ToArray());
            paths = await files.CommitAsync(CancellationToken.None);
        }

        paths.ShouldBe([folder.File("t.csv"), folder.File("t.json")]);
        (await File.ReadAllTextAsync(folder.File("t.csv"))).ShouldBe("new csv");
        (await File.ReadAllTextAsync(folder.File("t.json"))).ShouldBe("new json");
        folder.FileNames().ShouldBe(["t.csv", "t.json"]);
    }

    [Fact]
    public async Task When_the_second_writer_fails_the_first_file_is_not_replaced_either()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.File("t.csv"), "old csv");
        await File.WriteAllTextAsync(folder.File("t.json"), "old json");

        await Should.ThrowAsync<IOException>(async () =>
        {
            await using var files = new AtomicFileSet();
            await files.Create(folder.File("t.csv")).WriteAsync("complete new csv"u8.ToArray());
            await files.Create(folder.File("t.json")).WriteAsync("half a js"u8.ToArray());
            throw new IOException("The second writer failed.");
        });

        (await File.ReadAllTextAsync(folder.File("t.csv"))).ShouldBe("old csv");
        (await File.ReadAllTextAsync(folder.File("t.json"))).ShouldBe("old json");
        folder.FileNames().ShouldBe(["t.csv", "t.json"]);
    }

    [Fact]
    public async Task Files_that_did_not_exist_are_not_created_without_a_commit()
    {
        using var folder = new TempDirectory();

        await using (var files = new AtomicFileSet())
        {
            await files.Create(folder.File("t.csv")).WriteAsync("never committed"u8.ToArray());
        }

        folder.FileNames().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_file_cannot_be_added_twice()
    {
        using var folder = new TempDirectory();
        await using var files = new AtomicFileSet();
        files.Create(folder.File("t.csv"));

        Should.Throw<ArgumentException>(() => files.Create(Path.Combine(folder.Path, ".", "t.csv")));
    }

    [Fact]
    public async Task A_set_cannot_be_committed_twice()
    {
        using var folder = new TempDirectory();
        await using var files = new AtomicFileSet();
        files.Create(folder.File("t.csv"));
        await files.CommitAsync(CancellationToken.None);

        await Should.ThrowAsync<InvalidOperationException>(() => files.CommitAsync(CancellationToken.None));
    }
}
