using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>
/// Pipes and devices given as inputs: refused before they are opened, since opening a pipe blocks until something
/// writes to it and a device such as /dev/zero never ends. Each read runs under a real time limit: the failure
/// these tests guard against is a read that never returns.
/// </summary>
public sealed class SpecialFileInputTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_fifo_given_as_a_csv_input_is_refused_without_waiting_for_a_writer()
    {
        var fifo = SpecialFiles.Fifo(_directory.File("in.csv"));
        try
        {
            var entries = await Task.Run(() => new CsvIndicatorReader().Read(fifo).ToList()).WaitAsync(Limit);

            entries.ShouldBe([new SourceEntry(fifo, 0, "", null, FileProblems.NotRegular(fifo))]);
            entries[0].Problem!.ShouldContain("not a regular file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Fact]
    public async Task A_device_that_never_ends_is_refused_as_a_csv_input()
    {
        var entries = await Task.Run(() => new CsvIndicatorReader().Read("/dev/zero").ToList()).WaitAsync(Limit);

        entries.Single().Problem.ShouldBe(FileProblems.NotRegular("/dev/zero"));
    }

    [Fact]
    public async Task A_fifo_given_as_a_local_feed_is_refused_without_waiting_for_a_writer()
    {
        var fifo = SpecialFiles.Fifo(_directory.File("feed.txt"));
        using var http = new HttpClient();
        try
        {
            var read = new FeedReader(http).ReadAsync(new FeedSource(fifo, IndicatorType.Domain), CancellationToken.None);

            var refusal = await Should.ThrowAsync<FeedUnavailableException>(() => Task.Run(() => read).WaitAsync(Limit));

            refusal.Message.ShouldContain("not a regular file");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Fact]
    public async Task A_device_given_as_a_local_feed_is_refused()
    {
        using var http = new HttpClient();

        var refusal = await Should.ThrowAsync<FeedUnavailableException>(
            () => Task.Run(() => new FeedReader(http).ReadAsync(new FeedSource("file:///dev/zero", IndicatorType.Domain), CancellationToken.None)).WaitAsync(Limit));

        refusal.Message.ShouldContain("not a regular file");
    }
}
