using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Where the database's errors become the program's: a damaged file is a store that cannot be used
/// (<see cref="StoreException"/>), anything else an operation that failed (<see cref="StoreFailedException"/>).
/// Every public operation of the SQLite store runs through here, so no <see cref="SqliteException"/> leaves it.
/// </summary>
internal static class SqliteErrors
{
    public static Exception Translate(SqliteException exception) =>
        StoreDamage.IsDamage(exception)
            ? new StoreException(StoreDamage.Message(exception), exception)
            : new StoreFailedException(exception.Message, exception);

    public static T Guard<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
    }

    public static void Guard(Action operation)
    {
        try
        {
            operation();
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
    }
}
