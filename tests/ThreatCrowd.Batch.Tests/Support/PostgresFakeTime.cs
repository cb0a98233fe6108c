using System.Globalization;
using Npgsql;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// Makes a test database's clock follow a <see cref="FakeClock"/>. The PostgreSQL store reads the time of the shared
/// pace from the database (<c>clock_timestamp()</c>), so that the hosts' clocks need not agree; under a fake clock
/// no real time passes between requests, and the database would make each wait again for the interval the program
/// already waited. A <c>clock_timestamp()</c> of the database's own schema, found before PostgreSQL's on the search
/// path, answers the fake clock's time instead, moved as the clock moves.
/// </summary>
internal static class PostgresFakeTime
{
    public static void Follow(string connectionString, FakeClock clock)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var setUp = new NpgsqlCommand(
                $"""
                CREATE SCHEMA fake_time;
                CREATE TABLE fake_time.now (ms bigint NOT NULL);
                INSERT INTO fake_time.now VALUES ({Ms(clock.GetUtcNow())});
                CREATE FUNCTION fake_time.clock_timestamp() RETURNS timestamptz LANGUAGE sql VOLATILE
                    AS 'SELECT to_timestamp(ms / 1000.0) FROM fake_time.now';
                ALTER DATABASE "{database}" SET search_path = public, fake_time, pg_catalog;
                """,
                connection);
            setUp.ExecuteNonQuery();
        }

        clock.Moved = now =>
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var move = new NpgsqlCommand($"UPDATE fake_time.now SET ms = greatest(ms, {Ms(now)})", connection);
            move.ExecuteNonQuery();
        };
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
