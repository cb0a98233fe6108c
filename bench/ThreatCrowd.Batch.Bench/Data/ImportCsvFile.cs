using System.Text;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// The import input: a SIEM export with an <c>indicator,type</c> header and <c>rows</c> data rows of mixed
/// indicators, about 5 % repeating an earlier row's value and 1 % not valid. Two columns, so the sqlite3 shell's
/// <c>.import</c> reads the very same file into a two-column table.
/// </summary>
internal static class ImportCsvFile
{
    public const double DuplicateShare = 0.05;
    public const double InvalidShare = 0.01;

    /// <summary>The file for (seed, rows), written once and reused: generating it is not what is measured.</summary>
    public static string Ensure(string directory, long seed, int rows)
    {
        var path = Path.Combine(directory, $"import-{rows}-seed{seed}.csv");
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false), 1 << 20))
        {
            writer.NewLine = "\n";
            writer.WriteLine("indicator,type");
            for (long row = 0; row < rows; row++)
            {
                var (value, type) = Row(seed, row);
                writer.Write(value);
                writer.Write(',');
                writer.WriteLine(type);
            }
        }

        File.Move(temp, path, overwrite: true);
        return path;
    }

    private static (string Value, string TypeCell) Row(long seed, long row)
    {
        var kind = Kind(seed, row, out var random);
        if (kind == RowKind.Invalid)
        {
            return (IndicatorValues.Invalid(seed, row), "");
        }

        // A repeat names the value of an earlier plain row again, as overlapping exports do.
        if (kind == RowKind.Repeat)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var earlier = (long)(random.Fraction() * row);
                if (Kind(seed, earlier, out _) == RowKind.Plain)
                {
                    return IndicatorValues.Valid(seed, earlier);
                }
            }
        }

        return IndicatorValues.Valid(seed, row);
    }

    private static RowKind Kind(long seed, long row, out SplitMix random)
    {
        random = new SplitMix(seed ^ 0x1111, row);
        var roll = random.Fraction();
        return roll switch
        {
            < InvalidShare => RowKind.Invalid,
            < InvalidShare + DuplicateShare when row > 0 => RowKind.Repeat,
            _ => RowKind.Plain,
        };
    }

    private enum RowKind
    {
        Plain,
        Repeat,
        Invalid,
    }
}
