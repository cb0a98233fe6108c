using System.Text;

namespace ThreatCrowd.Batch.Tests.Tables;

/// <summary>
/// Byte-for-byte comparison with the files under Tables/Golden, which are meant to be read: when one differs, the
/// message names the first differing line and shows both versions with invisible characters made visible.
/// </summary>
internal static class GoldenFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Tables", "Golden", name);

    public static void ShouldMatchGolden(this string actualPath, string goldenName)
    {
        var expected = File.ReadAllBytes(PathOf(goldenName));
        var actual = File.ReadAllBytes(actualPath);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            throw new ShouldAssertException(Describe(goldenName, expected, actual));
        }
    }

    /// <summary>
    /// Compares text with a golden file after the caller replaced what differs between runs (temporary paths, ports).
    /// With UPDATE_GOLDEN_FILES=1 in the environment, the golden file in the checkout is rewritten instead: review the diff.
    /// </summary>
    public static void ShouldMatchGoldenText(this string actual, string goldenName)
    {
        var bytes = Encoding.UTF8.GetBytes(actual);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN_FILES") == "1")
        {
            var source = Path.Combine(Support.RepositoryRoot.Find(), "tests", "ThreatCrowd.Batch.Tests", "Tables", "Golden", goldenName);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllBytes(source, bytes);
            return;
        }

        var expected = File.Exists(PathOf(goldenName)) ? File.ReadAllBytes(PathOf(goldenName)) : [];
        if (!expected.AsSpan().SequenceEqual(bytes))
        {
            throw new ShouldAssertException(Describe(goldenName, expected, bytes));
        }
    }

    public static string Describe(string goldenName, byte[] expected, byte[] actual)
    {
        var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length
            && string.Equals(expectedLines[line], actualLines[line], StringComparison.Ordinal))
        {
            line++;
        }

        return $"""
            {goldenName} differs from the golden file at line {line + 1}:
              expected: {Visible(expectedLines, line)}
              actual:   {Visible(actualLines, line)}
            """;
    }

    // Splitting on LF keeps a CR at the end of its line, and a BOM at the start of the first, where they show.
    private static string Visible(string[] lines, int line) =>
        line < lines.Length
            ? lines[line].Replace("\r", "\\r", StringComparison.Ordinal).Replace("\uFEFF", "\\uFEFF", StringComparison.Ordinal)
            : "(end of file)";
}
