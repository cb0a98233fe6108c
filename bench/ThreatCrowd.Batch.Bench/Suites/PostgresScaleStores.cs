using System.Globalization;
using ThreatCrowd.Batch.Bench.Measure;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// Big PostgreSQL stores for the postgres-scale suite, filled by <c>INSERT … SELECT generate_series</c> into a
/// database the program has already given its schema: the shape the SQLite suite's <c>PendingStore</c> and
/// <c>AnsweredCopy</c> have (one source, each indicator named by it once; answered ones "not found" and already
/// exported), with <c>indicator_counts</c> kept by the schema's own triggers. Vacuumed and analysed afterwards, as
/// autovacuum leaves a store that has settled.
/// </summary>
internal sealed class PostgresScaleStores(BenchCluster cluster, TextWriter log)
{
    private static readonly long ImportedAt = new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    public void Fill(string database, int count, bool answered)
    {
        var started = DateTime.UtcNow;
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var state = answered ? "'not_found'" : "'pending'";
        var lookedUp = answered ? at.ToString(CultureInfo.InvariantCulture) : "NULL";
        // Half domains, three in ten addresses, two in ten hashes (as PendingStore's mix); every value distinct.
        cluster.Sql(database, string.Create(
            CultureInfo.InvariantCulture,
            $"""
            INSERT INTO sources (id, name, kind, last_read_at) VALUES (1, 'exports/siem.csv', 'csv', {ImportedAt});
            INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at)
            SELECT n,
                   CASE WHEN n % 10 < 5 THEN 'domain' WHEN n % 10 < 8 THEN 'ip' ELSE 'file' END,
                   CASE WHEN n % 10 < 5 THEN 'host' || n || '.tcb-bench.net'
                        WHEN n % 10 < 8 THEN '45.' || (n >> 16) % 256 || '.' || (n >> 8) % 256 || '.' || n % 256
                        ELSE md5(n::text) END,
                   {ImportedAt}, {ImportedAt}, {state}, {lookedUp}
            FROM generate_series(1, {count}) n;
            INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) SELECT n, 1, {ImportedAt}, {ImportedAt} FROM generate_series(1, {count}) n;
            SELECT setval(pg_get_serial_sequence('indicators', 'id'), {count});
            SELECT setval(pg_get_serial_sequence('sources', 'id'), 1);
            """));
        if (answered)
        {
            cluster.Sql(database, string.Create(
                CultureInfo.InvariantCulture,
                $$"""
                INSERT INTO answers (indicator_id, found, raw_body, answered_at) SELECT id, false, '{"response_code":"0"}', {{at}} FROM indicators;
                INSERT INTO exported_verdicts (indicator_id, votes) SELECT id, NULL FROM indicators;
                """));
        }

        cluster.Sql(database, "VACUUM ANALYZE");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  postgres store {database}: {count:N0} indicators{(answered ? " answered" : "")} in {(DateTime.UtcNow - started).TotalSeconds:F1} s"));
    }

    /// <summary>
    /// A copy of <paramref name="template"/> (<c>CREATE DATABASE … TEMPLATE</c>), which nobody may be connected to:
    /// the server ends a program's session a moment after the program exits, so a refusal is tried again briefly.
    /// </summary>
    public async Task CopyAsync(string template, string copy, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                cluster.Sql("postgres", $"CREATE DATABASE {copy} TEMPLATE {template}");
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 50 && ex.Message.Contains("being accessed by other users", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }
}
