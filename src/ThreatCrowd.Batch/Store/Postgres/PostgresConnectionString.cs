using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Store:ConnectionString in Npgsql's format. It carries the password, so nothing here ever returns its text: a
/// problem is told by the keys involved, and the database is named by host, port, database and user alone.
/// </summary>
internal static class PostgresConnectionString
{
    /// <summary>What is wrong with the connection string, or null when it can be used.</summary>
    public static string? Problem(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The parser's own message may quote the text, password included: only the keys are named.
            return $"is not an Npgsql connection string (keys given: {string.Join(", ", Keys(connectionString))}); " +
                "write Key=value pairs separated by ';' such as Host=db.example.net;Port=5432;Database=threatcrowd;Username=tcb;Password=…";
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? "names no Host; give the PostgreSQL server, such as Host=db.example.net;Database=threatcrowd;Username=tcb."
            : null;
    }

    /// <summary>The database as an operator may read it: user@host:port/database, without the password.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Username ?? Environment.UserName}@{b.Host}:{b.Port}/{b.Database ?? b.Username}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return "the configured PostgreSQL database";
        }
    }

    /// <summary>The builder the store connects with: the password is dropped from the connection once open, and dead peers are noticed.</summary>
    public static NpgsqlConnectionStringBuilder ForStore(string connectionString, string applicationName)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { PersistSecurityInfo = false };
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = applicationName;
        }

        // Statements here include waiting for another host's turn at the pace and merging an import batch, which
        // take as long as they take; a server that dies is noticed by the keepalives below, not by a timeout.
        builder.CommandTimeout = 0;

        // A host that loses power holds the pace's lock until the server notices its connection is gone.
        if (builder.TcpKeepAliveTime == 0)
        {
            builder.TcpKeepAliveTime = 30;
            builder.TcpKeepAliveInterval = 5;
        }

        return builder;
    }

    private static IEnumerable<string> Keys(string connectionString) =>
        connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim())
            .Where(key => key.Length is > 0 and <= 40 && key.All(c => char.IsLetter(c) || c == ' '))
            .DefaultIfEmpty("none");
}
