namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The statement that merges one staged batch of a read into indicators and provenance, and returns how many of the
/// batch's mentions were accepted (the rest are repeats). It runs while the batch's transaction holds
/// <see cref="Lock"/>, so no other writer adds an indicator meanwhile and the new ones are inserted plainly.
/// </summary>
/// <remarks>
/// Each distinct indicator of the batch is looked up once. A new one is inserted, in the order of its first mention
/// in the batch, so ids follow the input as in the SQLite store; its provenance row is new too. One already stored
/// has its last import time moved (never back, should another host's clock be ahead) and, named by an input, a
/// pivot becomes a direct input (depth 0); its provenance is upserted only where the last sighting is older than
/// this read, which is how a repeat is told from an accepted mention, as in the SQLite writer. An upsert
/// (<c>ON CONFLICT</c>) of every staged indicator cost a tenth to a fifth more of the server's time: each one is a
/// speculative insertion, and every repeat rewrote its indicator row (docs/benchmarks.md, "PostgreSQL import").
/// </remarks>
internal static class PostgresImportMerge
{
    /// <summary>
    /// Taken by each batch before its merge and held to its commit: it waits for, and holds off, any other writer of
    /// indicators (another host's import, a lookup's answer) for the merge's second or two, and lets readers through.
    /// </summary>
    public const string Lock = "LOCK TABLE indicators IN SHARE ROW EXCLUSIVE MODE";

    /// <summary>
    /// The merge of <c>import_stage</c>, with <c>@source</c> and <c>@now</c>. When no mention of the batch carries a
    /// context (a plain list), the batch is made distinct by hashing and nothing needs joining back; otherwise the
    /// first mention of each indicator gives the context kept.
    /// </summary>
    public static string Sql(bool withContext)
    {
        var staged = withContext
            ? "SELECT DISTINCT ON (value, type) type, value, seq, context FROM import_stage ORDER BY value, type, seq"
            : "SELECT type, value, min(seq) AS seq, NULL::text AS context FROM import_stage GROUP BY type, value";
        var newProvenance = withContext
            ? "SELECT added.id, @source, @now, @now, probed.context FROM added JOIN probed ON probed.id IS NULL AND probed.type = added.type AND probed.value = added.value"
            : "SELECT added.id, @source, @now, @now, NULL FROM added";
        return
            $"""
            WITH probed AS MATERIALIZED (
                SELECT staged.type, staged.value, staged.seq, staged.context, stored.id
                FROM ({staged}) staged
                LEFT JOIN indicators stored ON stored.type = staged.type AND stored.value = staged.value),
            moved AS (
                UPDATE indicators SET last_imported_at = greatest(last_imported_at, @now), depth = 0
                WHERE id IN (SELECT id FROM probed WHERE id IS NOT NULL) AND (last_imported_at < @now OR depth <> 0)),
            added AS (
                INSERT INTO indicators (type, value, first_imported_at, last_imported_at)
                SELECT type, value, @now, @now FROM probed WHERE id IS NULL ORDER BY seq
                RETURNING id, type, value),
            fresh AS (
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at, context)
                {newProvenance}
                RETURNING 1),
            seen AS (
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at, context)
                SELECT id, @source, @now, @now, context FROM probed WHERE id IS NOT NULL
                ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, context = excluded.context
                WHERE provenance.last_seen_at < excluded.last_seen_at
                RETURNING 1)
            SELECT (SELECT count(*) FROM fresh) + (SELECT count(*) FROM seen)
            """;
    }
}
