namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// One side of a merge join: a query whose first column is an indicator id in ascending order, moved forward as
/// the other side's ids grow. Rows of ids the other side never asks for are passed over.
/// </summary>
internal sealed class MergeCursor(PreparedStatement query) : IDisposable
{
    private bool _onRow;
    private bool _done;

    /// <summary>The first row with this id, or null when there is none; rows with a smaller id are skipped.</summary>
    public PreparedStatement? SeekTo(long id)
    {
        while (true)
        {
            if (!_onRow && !Advance())
            {
                return null;
            }

            var current = query.Int64(0);
            if (current == id)
            {
                return query;
            }

            if (current > id)
            {
                return null;
            }

            _onRow = false;
        }
    }

    /// <summary>The next row if it has this id too, or null (the row stays for a later <see cref="SeekTo"/>).</summary>
    public PreparedStatement? Next(long id)
    {
        _onRow = false;
        return Advance() && query.Int64(0) == id ? query : null;
    }

    public void Dispose() => query.Dispose();

    private bool Advance()
    {
        if (_done)
        {
            return false;
        }

        _onRow = query.Step();
        _done = !_onRow;
        return _onRow;
    }
}
