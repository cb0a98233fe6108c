using System.Text;
using ThreatCrowd.Batch.Tables;

using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class AtomicFileTests
{
    [Fact]
    public async Task A_successful_write_replaces_the_file_and_leaves_nothing_else()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.csv");
        await File.WriteAllTextAsync(path, "old\n");

        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("new\n"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        (await File.ReadAllTextAsync(path)).ShouldBe("new\n");
        folder.FileNames().ShouldBe(["t.csv"]);
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "lookups", "deep", "t.csv");

        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("x"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        (await File.ReadAllTextAsync(path)).ShouldBe("x");
    }

    [Fact]
    public async Task While_writing_the_target_keeps_its_old_content_and_the_new_one_goes_to_a_hidden_file_beside_it()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.csv");
        await File.WriteAllTextAsync(path, "old\n");

        await AtomicFile.WriteAsync(
            path,
            async (s, ct) =>
            {
                await s.WriteAsync(new byte[200_000], ct);
                (await File.ReadAllTextAsync(path, ct)).ShouldBe("old\n");
                folder.FileNames().ShouldContain(
                    n => n.StartsWith(".t.csv.", StringComparison.Ordinal) && n.EndsWith(".tmp", StringComparison.Ordinal));
            },
            CancellationToken.None);

        new FileInfo(path).Length.ShouldBe(200_000);
    }

    [Fact]
    public async Task An_exception_mid_way_keeps_the_old_content_and_removes_the_temporary_file()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.csv");
        await File.WriteAllTextAsync(path, "old\n");

        await Should.ThrowAsync<InvalidDataException>(() => AtomicFile.WriteAsync(
            path,
            async (s, ct) =>
            {
                await s.WriteAsync(new byte[200_000], ct);
                throw new InvalidDataException("The writer failed half-way.");
            },
            CancellationToken.None));

        (await File.ReadAllTextAsync(path)).ShouldBe("old\n");
        folder.FileNames().ShouldBe(["t.csv"]);
    }

    [Fact]
    public async Task Cancellation_mid_way_keeps_the_old_content_and_removes_the_temporary_file()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.csv");
        await File.WriteAllTextAsync(path, "old\n");
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(
            path,
            async (s, ct) =>
            {
                await s.WriteAsync(new byte[200_000], ct);
                await cts.CancelAsync();
                await s.WriteAsync(new byte[10], ct);
            },
            cts.Token));

        (await File.ReadAllTextAsync(path)).ShouldBe("old\n");
        folder.FileNames().ShouldBe(["t.csv"]);
    }

    [Fact]
    public async Task Cancellation_after_the_writer_finished_still_keeps_the_old_content()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.csv");
        await File.WriteAllTextAsync(path, "old\n");
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(
            path,
            async (s, _) =>
            {
                await s.WriteAsync("new\n"u8.ToArray(), CancellationToken.None);
                await cts.CancelAsync();
            },
            cts.Token));

        (await File.ReadAllTextAsync(path)).ShouldBe("old\n");
        folder.FileNames().ShouldBe(["t.csv"]);
    }

    [Fact]
    public async Task A_writer_that_disposes_the_stream_still_commits_its_content()
    {
        using var folder = new TempDirectory();
        var path = folder.File("t.txt");

        await AtomicFile.WriteAsync(
            path,
            async (s, ct) =>
            {
                await using var writer = new StreamWriter(s, new UTF8Encoding(false));
                await writer.WriteAsync("written through a StreamWriter".AsMemory(), ct);
            },
            CancellationToken.None);

        (await File.ReadAllTextAsync(path)).ShouldBe("written through a StreamWriter");
        folder.FileNames().ShouldBe(["t.txt"]);
    }
}
