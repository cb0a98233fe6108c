using Npgsql;
using NpgsqlTypes;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>The statements of a read straight into indicators (<see cref="PostgresFirstRead"/>): its copies and look-ups.</summary>
internal static class PostgresFirstReadRows
{
    /// <summary>The sequence of indicators' identity column, as PostgreSQL names it.</summary>
    public const string IdSequence = "indicators_id_seq";

    /// <summary>Whether this login may drop the tables' keys: it owns them, itself or through a role it belongs to.</summary>
    public const string OwnsTables =
        "SELECT bool_and(pg_has_role(relowner, 'USAGE')) FROM pg_class WHERE oid IN ('indicators'::regclass, 'provenance'::regclass)";

    /// <summary>Holds off every other reader and writer of the two tables until the transaction ends.</summary>
    public const string LockTables = "LOCK TABLE indicators, provenance IN ACCESS EXCLUSIVE MODE";

    public const string TablesEmpty = "SELECT NOT EXISTS (SELECT 1 FROM indicators) AND NOT EXISTS (SELECT 1 FROM provenance)";

    /// <summary>The keys schema.postgres.sql declares, by the names PostgreSQL gives them there.</summary>
    public const string DropKeys =
        "ALTER TABLE indicators DROP CONSTRAINT indicators_value_type_key; ALTER TABLE provenance DROP CONSTRAINT provenance_pkey";

    /// <summary>
    /// The keys again, as declared: each built by one sort, with the memory to sort a few million keys without
    /// spilling to disk (a setting of this transaction only).
    /// </summary>
    public const string BuildKeys =
        """
        SET LOCAL maintenance_work_mem = '256MB';
        ALTER TABLE indicators ADD CONSTRAINT indicators_value_type_key UNIQUE (value, type);
        ALTER TABLE provenance ADD CONSTRAINT provenance_pkey PRIMARY KEY (indicator_id, source_id)
        """;

    /// <summary>The id the identity sequence gives next.</summary>
    public static long NextId(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.Scalar<long>($"SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {IdSequence}", transaction);

    /// <summary>The stored indicators of these ids.</summary>
    public static Dictionary<long, Indicator> Stored(NpgsqlConnection connection, NpgsqlTransaction transaction, HashSet<long> ids)
    {
        var stored = new Dictionary<long, Indicator>(ids.Count);
        if (ids.Count == 0)
        {
            return stored;
        }

        using var command = NpgsqlCommands.Command(connection, "SELECT id, type, value FROM indicators WHERE id = ANY(@ids)", transaction, ("ids", ids.ToArray()));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (IndicatorTypeNames.TryParse(reader.GetString(1), out var type))
            {
                stored[reader.GetInt64(0)] = new Indicator(type, reader.GetString(2));
            }
        }

        return stored;
    }

    public static NpgsqlBinaryImporter BeginIndicators(NpgsqlConnection connection) =>
        connection.BeginBinaryImport("COPY indicators (id, type, value, first_imported_at, last_imported_at) FROM STDIN (FORMAT BINARY)");

    public static void WriteIndicator(NpgsqlBinaryImporter copy, long id, Indicator indicator, long now)
    {
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Bigint);
        copy.Write(indicator.Type.ToName(), NpgsqlDbType.Text);
        copy.Write(indicator.Value, NpgsqlDbType.Text);
        copy.Write(now, NpgsqlDbType.Bigint);
        copy.Write(now, NpgsqlDbType.Bigint);
    }

    /// <summary>The provenance of new indicators numbered from <paramref name="firstId"/>, each with its first mention's context.</summary>
    public static void WriteProvenance(NpgsqlConnection connection, long firstId, IEnumerable<string?> contexts, long sourceId, long now)
    {
        using var copy = connection.BeginBinaryImport("COPY provenance (indicator_id, source_id, first_seen_at, last_seen_at, context) FROM STDIN (FORMAT BINARY)");
        var id = firstId;
        foreach (var context in contexts)
        {
            copy.StartRow();
            copy.Write(id++, NpgsqlDbType.Bigint);
            copy.Write(sourceId, NpgsqlDbType.Bigint);
            copy.Write(now, NpgsqlDbType.Bigint);
            copy.Write(now, NpgsqlDbType.Bigint);
            if (context is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(context, NpgsqlDbType.Text);
            }
        }

        copy.Complete();
    }
}
