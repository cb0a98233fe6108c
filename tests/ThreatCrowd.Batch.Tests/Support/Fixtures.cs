namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>The real response bodies from samples/threatcrowd, copied into the test output by the project file.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "fixtures", "threatcrowd");

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    public static byte[] ReadBytes(string fileName) => File.ReadAllBytes(Path.Combine(Directory, fileName));
}
