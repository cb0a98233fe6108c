using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// A store file damaged on disk (a corrupt page, a file that is no database past its header): the store cannot be
/// used, which is exit 5, not an unexpected error that running again might cure.
/// </summary>
internal static class StoreDamage
{
    private const int Corrupt = 11;
    private const int NotADatabase = 26;

    public static bool IsDamage(SqliteException exception) => exception.SqliteErrorCode is Corrupt or NotADatabase;

    public static string Message(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return $"the store is damaged and cannot be used: {exception.Message}. Restore it from a backup, or move it away so the " +
            "next run starts a new one (which looks every indicator up again); the tables already written are left as they were.";
    }
}
