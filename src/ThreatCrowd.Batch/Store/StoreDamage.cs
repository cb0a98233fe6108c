using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// A store file damaged on disk (a corrupt page, a file that is no database past its header): the store cannot be
/// used, which is exit 5, not an unexpected error that running again might cure. It takes any exception, so that
/// the exit-code mapping outside the store need not name the database's types.
/// </summary>
internal static class StoreDamage
{
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    public static bool IsDamage(Exception exception) => exception is SqliteException { SqliteErrorCode: Corrupt or NotADatabase };

    /// <summary>Whether the exception came from the database (damage or not): the store failed, not the program.</summary>
    public static bool IsDatabaseError(Exception exception) => exception is SqliteException;

    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the store is damaged and cannot be used: {exception.Message}. Restore it from a backup, or move it away so the " +
            "next run starts a new one (which looks every indicator up again); the tables already written are left as they were.";
    }
}
