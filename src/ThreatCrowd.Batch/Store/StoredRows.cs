using System.Data.Common;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The rows both stores read the same way, from the same columns in the same order (each store's query says where
/// they come from): one mapping, so the two backends' tables cannot drift apart. Readers are ADO.NET's base type,
/// which names no database.
/// </summary>
internal static class StoredRows
{
    /// <summary>The whole change history the store keeps (exports prune it to Output:ChangesKeep), for <see cref="Change"/>; plain SQL both databases run.</summary>
    public const string ChangesSql =
        """
        SELECT c.change, i.value, i.type, c.relation, c.related, c.related_type, c.votes, c.run_id, c.detected_at
        FROM changes c JOIN indicators i ON i.id = c.indicator_id
        ORDER BY c.id
        """;

    /// <summary>source, line, value, reason.</summary>
    public static RejectRow Reject(DbDataReader r) => new(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3));

    /// <summary>change, indicator, type, relation, related, related type, votes, run id, detected at (Unix ms).</summary>
    public static ChangeRow Change(DbDataReader r)
    {
        var relation = r.NullableString(3);
        return new ChangeRow(
            r.GetString(0), r.GetString(1), r.GetString(2), relation, r.NullableString(4), r.NullableString(5),
            relation is null ? CrowdVerdict.FromVotes(r.NullableInt32(6)) : null, r.NullableInt64(7), UnixMs.To(r.GetInt64(8)));
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? NullableInt32(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
