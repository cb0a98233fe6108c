using CsvHelper;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Checks on raw cells that need no string: most rows pass them, so they must not allocate.</summary>
internal static class CsvCells
{
    public static bool IsBlank(ReadOnlySpan<byte> utf8Cell) => utf8Cell.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0;

    /// <summary>Whether every cell of the row is empty or spaces: a blank line, or a row of empty cells (,,,).</summary>
    public static bool IsBlankRow(CsvReader row)
    {
        for (int i = 0; i < row.FieldCount; i++)
        {
            if (!IsBlank(row.GetSpan(i)))
            {
                return false;
            }
        }

        return true;
    }
}
