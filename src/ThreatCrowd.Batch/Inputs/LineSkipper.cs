using System.Buffers;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Positions a stream at the start of a given line, counting line breaks as the CSV reader does (CR, LF and CR LF
/// each once), so that reading can resume after a line the CSV rules could not make sense of.
/// </summary>
internal static class LineSkipper
{
    /// <summary>Moves <paramref name="stream"/> just past its <paramref name="lines"/>-th line break; false when it has no more lines.</summary>
    public static bool SkipLines(Stream stream, long lines)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long offset = 0, seen = 0;
            bool afterCarriageReturn = false;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                for (int i = 0; i < read; i++)
                {
                    long position = offset + i;
                    if (buffer[i] == (byte)'\n' && afterCarriageReturn)
                    {
                        // The LF of a CR LF: the line break was counted at the CR.
                        afterCarriageReturn = false;
                        if (seen == lines)
                        {
                            return MoveTo(stream, position + 1);
                        }

                        continue;
                    }

                    if (seen == lines && afterCarriageReturn)
                    {
                        return MoveTo(stream, position);
                    }

                    afterCarriageReturn = buffer[i] == (byte)'\r';
                    if (afterCarriageReturn || buffer[i] == (byte)'\n')
                    {
                        seen++;
                        if (seen == lines && !afterCarriageReturn)
                        {
                            return MoveTo(stream, position + 1);
                        }
                    }
                }

                offset += read;
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool MoveTo(Stream stream, long position)
    {
        stream.Seek(position, SeekOrigin.Begin);
        return position < stream.Length;
    }
}
