using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// The name of a temporary file that will replace a table: <c>.NAME.tcb-PID-RANDOM.tmp</c> beside it. A dot name,
/// so tools that list the folder for data skip it; <c>tcb</c>, so no other program's temporary file is taken for
/// one of ours; the writer's process id, so a leftover is told from a file another export is writing right now;
/// a random part, so two writers in one process never share a file.
/// </summary>
internal static partial class TempFileName
{
    public const string SearchPattern = ".*.tcb-*.tmp";

    public static string For(string targetFileName) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $".{targetFileName}.tcb-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp");

    /// <summary>The process that wrote a temporary file of this program, or null when the name is not one of ours.</summary>
    public static int? WriterOf(string fileName)
    {
        var match = Ours().Match(fileName);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    [GeneratedRegex(@"^\..+\.tcb-([0-9]{1,10})-[0-9a-f]{8}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex Ours();
}
