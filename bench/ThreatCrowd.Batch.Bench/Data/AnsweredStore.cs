using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// The export input: a store of <c>indicators</c> answered indicators (half of those without relations not found) holding exactly
/// <c>relations</c> relations, spread unevenly as real answers are (a few with hundreds, many with a handful),
/// with provenance from a CSV file and a feed, and a thousand rejects.
/// </summary>
internal static class AnsweredStore
{
    private const int Rejects = 1_000;
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static string Ensure(string directory, long seed, int indicators, int relations)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"answered-{indicators}-{relations}-seed{seed}.db");
        return StoreFiles.Ensure(path, connection => Fill(connection, seed, indicators, relations));
    }

    private static void Fill(SqliteConnection connection, long seed, int indicators, int relations)
    {
        var counts = RelationCounts(seed, indicators, relations);
        using var transaction = connection.BeginTransaction();
        var imported = ImportedAt.ToUnixTimeMilliseconds();
        using var source = StoreFiles.Prepare(connection, transaction, "INSERT INTO sources (id, name, kind, last_read_at) VALUES ($p1, $p2, $p3, $p4)", 4);
        StoreFiles.Run(source, 1, "exports/siem.csv", "csv", imported);
        StoreFiles.Run(source, 2, "feed:https://www.threatcrowd.org/feeds/domains.txt", "feed", imported);
        using var insert = new Inserts(connection, transaction);
        long id = 1;
        for (long index = 0; id <= indicators; index++)
        {
            var random = new SplitMix(seed ^ 0x2222, index);
            var type = random.Below(100) switch
            {
                < 45 => IndicatorType.Domain,
                < 75 => IndicatorType.Ip,
                < 90 => IndicatorType.File,
                < 97 => IndicatorType.Email,
                _ => IndicatorType.Antivirus,
            };
            var value = IndicatorValues.Normalized(type, seed, index);
            var count = counts[id - 1];
            var answer = count == 0 && random.Below(2) == 0
                ? AnswerShapes.NotFound(type, value)
                : AnswerShapes.Create(type, value, seed, index, count);
            var answeredAt = imported + (id * 10_000);
            if (insert.Add(id, answer, imported, answeredAt, inFeed: random.Below(5) == 0))
            {
                id++;
            }
        }

        for (var line = 1; line <= Rejects; line++)
        {
            insert.Reject(line, IndicatorValues.Invalid(seed, line));
        }

        transaction.Commit();
    }

    /// <summary>Per indicator, how many relations: skewed weights scaled to add up to exactly <paramref name="total"/>.</summary>
    private static int[] RelationCounts(long seed, int indicators, int total)
    {
        var weights = new double[indicators];
        for (var i = 0; i < indicators; i++)
        {
            var random = new SplitMix(seed ^ 0x6666, i);
            weights[i] = Math.Pow(-Math.Log(1 - random.Fraction()), 2);
        }

        var sum = weights.Sum();
        var counts = weights.Select(w => (int)Math.Floor(w * total / sum)).ToArray();
        var missing = total - counts.Sum();
        for (var i = 0; missing > 0; i = (i + 1) % indicators, missing--)
        {
            counts[i]++;
        }

        return counts;
    }

    private sealed class Inserts : IDisposable
    {
        private readonly SqliteCommand _indicator;
        private readonly SqliteCommand _provenance;
        private readonly SqliteCommand _answer;
        private readonly SqliteCommand _relation;
        private readonly SqliteCommand _reject;

        public Inserts(SqliteConnection connection, SqliteTransaction transaction)
        {
            _indicator = StoreFiles.Prepare(
                connection,
                transaction,
                """
                INSERT OR IGNORE INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at)
                VALUES ($p1, $p2, $p3, $p4, $p4, $p5, $p6)
                """,
                6);
            _provenance = StoreFiles.Prepare(
                connection, transaction, "INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES ($p1, $p2, $p3, $p3)", 3);
            _answer = StoreFiles.Prepare(
                connection,
                transaction,
                "INSERT INTO answers (indicator_id, found, votes, permalink, md5, sha1, raw_body, answered_at) VALUES ($p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8)",
                8);
            _relation = StoreFiles.Prepare(
                connection,
                transaction,
                "INSERT INTO relations (indicator_id, relation, related, related_type, last_resolved) VALUES ($p1, $p2, $p3, $p4, $p5)",
                5);
            _reject = StoreFiles.Prepare(connection, transaction, "INSERT INTO rejects (source_id, line, value, reason) VALUES (1, $p1, $p2, $p3)", 3);
        }

        public bool Add(long id, AnsweredIndicator answer, long importedAt, long answeredAt, bool inFeed)
        {
            var state = answer.Found ? "found" : "not_found";
            if (StoreFiles.Run(_indicator, id, answer.Type.ToName(), answer.Value, importedAt, state, answeredAt) == 0)
            {
                return false;
            }

            StoreFiles.Run(_provenance, id, 1, importedAt);
            if (inFeed)
            {
                StoreFiles.Run(_provenance, id, 2, importedAt);
            }

            StoreFiles.Run(_answer, id, answer.Found ? 1 : 0, answer.Votes, answer.Permalink, answer.Md5, answer.Sha1, answer.RawBody, answeredAt);
            foreach (var (kind, related, relatedType, lastResolved) in answer.Relations)
            {
                StoreFiles.Run(_relation, id, kind, related, relatedType, lastResolved);
            }

            return true;
        }

        public void Reject(long line, string value) =>
            StoreFiles.Run(_reject, line, value, "not a domain, IP address, e-mail address or file hash");

        public void Dispose()
        {
            _indicator.Dispose();
            _provenance.Dispose();
            _answer.Dispose();
            _relation.Dispose();
            _reject.Dispose();
        }
    }
}
