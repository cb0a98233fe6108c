using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// One statement prepared once and run many times straight through SQLite's C API, parameters bound by position.
/// For the import's millions of tiny statements and the export's millions of rows: a <see cref="SqliteCommand"/>
/// costs a few microseconds per run or row in parameter lookup by name, reader objects and checks, as much as the
/// work itself, and a text column can be read here as bytes without making a string. It runs inside whatever transaction
/// the connection has open; its errors come out as the store's own (<see cref="SqliteErrors"/>).
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    /// <summary>The UTF-8 of the text being bound; grows to the longest text bound so far.</summary>
    private byte[] _utf8 = new byte[256];

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public PreparedStatement Bind(int position, string value)
    {
        // Encoded into a buffer kept for the statement's life: binding the string itself made a new UTF-8 array per
        // call, two for every imported row. SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again
        // at once. An empty text goes the other way: an empty span would be bound as NULL.
        if (value.Length == 0)
        {
            Check(raw.sqlite3_bind_text(_statement, position, value));
            return this;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, position, _utf8.AsSpan(0, length)));
        return this;
    }

    /// <summary>Binds a text, or NULL for null.</summary>
    public PreparedStatement BindNullable(int position, string? value) =>
        value is null ? BindNull(position) : Bind(position, value);

    private PreparedStatement BindNull(int position)
    {
        Check(raw.sqlite3_bind_null(_statement, position));
        return this;
    }

    public PreparedStatement Bind(int position, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, position, value));
        return this;
    }

    /// <summary>Runs a statement that returns no rows; returns how many rows it changed.</summary>
    public int Execute()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc);
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs a statement that returns at most one integer (a RETURNING id); null when it returns no row.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            if (rc != raw.SQLITE_ROW)
            {
                Check(rc);
            }

            var value = raw.sqlite3_column_int64(_statement, 0);
            rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                Check(rc == raw.SQLITE_ROW ? raw.SQLITE_MISUSE : rc);
            }

            return value;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Steps a query to its next row; false at the end (the statement is then reset for another run).</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }

        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>A text column as UTF-8 bytes, valid until the next step; no string is made.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(_statement, column);

    public string Text(int column) => Encoding.UTF8.GetString(Utf8(column));

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    /// <summary>The rowid of the row the last successful INSERT on this connection added.</summary>
    public long LastInsertRowId => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc == raw.SQLITE_OK)
        {
            return;
        }

        try
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e);
        }
    }
}
