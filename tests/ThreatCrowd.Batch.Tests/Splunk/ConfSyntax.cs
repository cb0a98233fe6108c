using System.Text;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Tests.Splunk;

/// <summary>
/// Reads a Splunk .conf or .meta file strictly: UTF-8 without a byte-order mark, LF line ends, and every line blank,
/// a <c>#</c> comment, a <c>[stanza]</c> or a <c>key = value</c> inside a stanza; no stanza or key twice.
/// </summary>
internal static partial class ConfSyntax
{
    public static Dictionary<string, Dictionary<string, string>> Parse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Path.GetFileName(path);
        bytes.AsSpan().StartsWith("\uFEFF"u8).ShouldBeFalse($"{name} starts with a byte-order mark");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.ShouldNotContain('\r', customMessage: $"{name} has a CR");
        text.ShouldEndWith("\n", customMessage: $"{name} does not end with a line break");

        var stanzas = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"{name} line {i + 1}: \"{line}\"";
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (Stanza().Match(line) is { Success: true } stanza)
            {
                current = [];
                stanzas.TryAdd(stanza.Groups[1].Value, current).ShouldBeTrue($"{where} repeats a stanza");
                continue;
            }

            var setting = Setting().Match(line);
            setting.Success.ShouldBeTrue($"{where} is neither a comment, a [stanza] nor key = value");
            current.ShouldNotBeNull($"{where} comes before any stanza");
            current.TryAdd(setting.Groups[1].Value, setting.Groups[2].Value).ShouldBeTrue($"{where} repeats a key");
        }

        return stanzas;
    }

    [GeneratedRegex(@"^\[([^\[\]]*)\]$")]
    private static partial Regex Stanza();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9_.:-]*) = (\S(?:.*\S)?)$")]
    private static partial Regex Setting();
}
