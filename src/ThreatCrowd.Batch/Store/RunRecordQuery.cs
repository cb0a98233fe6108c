namespace ThreatCrowd.Batch.Store;

/// <summary>The latest runs' query and its mapping, the same on every backend: only how it is sent differs.</summary>
internal static class RunRecordQuery
{
    public static string Sql(string where, int limit) =>
        $"""
        SELECT id, verb, started_at, ended_at, ended_because, due_at_start, looked_up, found, not_found, failed
        FROM runs {where} ORDER BY id DESC LIMIT {limit}
        """;

    public static List<RunRecord> Records(
        IEnumerable<(long Id, string Verb, long StartedAt, long? EndedAt, string? EndedBecause, long DueAtStart, long LookedUp, long Found, long NotFound, long Failed)> rows) =>
        rows.Select(r => new RunRecord(
            r.Id, r.Verb, UnixMs.To(r.StartedAt), UnixMs.To(r.EndedAt), r.EndedBecause, r.DueAtStart, r.LookedUp, r.Found, r.NotFound, r.Failed)).ToList();
}
