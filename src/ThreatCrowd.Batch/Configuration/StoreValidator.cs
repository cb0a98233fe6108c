using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Checks section Store. A message may name the connection string's host and user, never its password.</summary>
internal static class StoreValidator
{
    public static IEnumerable<string> Validate(StoreOptions store)
    {
        var provider = store.Provider?.Trim() ?? "";
        if (!provider.Equals(StoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !store.IsPostgres)
        {
            yield return $"Store:Provider is \"{provider}\"; it must be {StoreOptions.Sqlite} (a store file on this host) or {StoreOptions.Postgres} (a PostgreSQL database shared by several hosts).";
            yield break;
        }

        if (!store.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(store.Path))
            {
                yield return "Store:Path is empty; give the path of the SQLite store file.";
            }

            yield break;
        }

        if (store.ClaimLease < TimeSpan.FromSeconds(1) || store.ClaimLease > TimeSpan.FromDays(1))
        {
            yield return $"Store:ClaimLease is {store.ClaimLease}; it must be between 00:00:01 and 1.00:00:00, such as 00:10:00.";
        }

        if (!string.IsNullOrWhiteSpace(store.ConnectionStringFile) && string.IsNullOrWhiteSpace(store.ConnectionString)
            && !File.Exists(store.ConnectionStringFile))
        {
            yield return $"Store:ConnectionStringFile is \"{store.ConnectionStringFile}\": no such file. Give the path of a file that holds the connection string.";
            yield break;
        }

        var connectionString = store.ResolveConnectionString();
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield return "Store:ConnectionString is empty, and Store:Provider is postgres; give an Npgsql connection string such as " +
                "Host=db.example.net;Database=threatcrowd;Username=tcb (the password in TCB_Store__ConnectionString or Store:ConnectionStringFile).";
            yield break;
        }

        var key = string.IsNullOrWhiteSpace(store.ConnectionString) ? "Store:ConnectionStringFile" : "Store:ConnectionString";
        if (StoreConnectionString.Problem(connectionString) is { } problem)
        {
            yield return $"{key}: {problem}";
        }
    }
}
