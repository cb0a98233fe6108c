using System.Formats.Tar;
using System.IO.Compression;
using ThreatCrowd.Batch.Tests.Runs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Splunk;

/// <summary>
/// The package a run over the real fixtures writes beside the app, read as Splunk Cloud's upload and a deployer
/// read it: a gzip-compressed tar whose top folder is the app.
/// </summary>
public sealed class AppPackageTests(FixtureExport run) : IClassFixture<FixtureExport>
{
    private string Package => Path.Combine(run.Out, "splunk", "TA-threatcrowd.tgz");

    [Fact]
    public void Every_entry_is_under_the_app_folder_and_none_is_local()
    {
        var entries = Entries();

        entries[0].Name.ShouldBe("TA-threatcrowd/");
        entries[0].EntryType.ShouldBe(TarEntryType.Directory);
        entries.ShouldAllBe(e => e.Name.StartsWith("TA-threatcrowd/", StringComparison.Ordinal));
        entries.ShouldAllBe(e => !e.Name.Contains("/local/", StringComparison.Ordinal) && !e.Name.EndsWith("local.meta", StringComparison.Ordinal));
        entries.ShouldAllBe(e => !e.Name.Contains("..", StringComparison.Ordinal) && !Path.GetFileName(e.Name.TrimEnd('/')).StartsWith('.'));
    }

    [Fact]
    public void It_holds_exactly_the_files_of_the_app_folder_byte_for_byte()
    {
        var files = Entries().Where(e => e.EntryType == TarEntryType.RegularFile).ToDictionary(e => e.Name, e => e.Content);
        var onDisk = Directory.GetFiles(run.App, "*", SearchOption.AllDirectories)
            .Select(f => "TA-threatcrowd/" + Path.GetRelativePath(run.App, f).Replace(Path.DirectorySeparatorChar, '/'));

        files.Keys.Order(StringComparer.Ordinal).ShouldBe(onDisk.Order(StringComparer.Ordinal));
        foreach (var (name, content) in files)
        {
            content.SequenceEqual(File.ReadAllBytes(Path.Combine(run.Out, "splunk", name))).ShouldBeTrue($"{name} differs from the app's file");
        }
    }

    [Fact]
    public void Its_configuration_parses_and_every_lookup_in_it_is_defined_and_nothing_else_is_in_lookups()
    {
        using var extracted = new TempDirectory();
        using (var gzip = new GZipStream(File.OpenRead(Package), CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, extracted.Path, overwriteFiles: false);
        }

        var app = Path.Combine(extracted.Path, "TA-threatcrowd");
        foreach (var conf in new[] { "default/app.conf", "default/props.conf", "default/transforms.conf", "default/inputs.conf", "metadata/default.meta" })
        {
            ConfSyntax.Parse(Path.Combine(app, conf)).ShouldNotBeEmpty();
        }

        var transforms = ConfSyntax.Parse(Path.Combine(app, "default", "transforms.conf"));
        Directory.GetFiles(Path.Combine(app, "lookups")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(transforms.Values.Select(t => t["filename"]).Order(StringComparer.Ordinal));
        ConfSyntax.Parse(Path.Combine(app, "default", "app.conf"))["package"]["id"].ShouldBe("TA-threatcrowd");
        File.Exists(Path.Combine(app, "README.txt")).ShouldBeTrue();
    }

    [Fact]
    public void Files_are_readable_by_all_and_executable_by_none()
    {
        var entries = Entries();

        entries.Where(e => e.EntryType == TarEntryType.RegularFile).ShouldAllBe(e => e.Mode == (UnixFileMode)0b110_100_100);
        entries.Where(e => e.EntryType == TarEntryType.Directory).ShouldAllBe(e => e.Mode == (UnixFileMode)0b111_101_101);
    }

    private List<(string Name, TarEntryType EntryType, UnixFileMode Mode, byte[] Content)> Entries()
    {
        var entries = new List<(string, TarEntryType, UnixFileMode, byte[])>();
        using var gzip = new GZipStream(File.OpenRead(Package), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            using var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            entries.Add((entry.Name, entry.EntryType, entry.Mode, content.ToArray()));
        }

        return entries;
    }
}
