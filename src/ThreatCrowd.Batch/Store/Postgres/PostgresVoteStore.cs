using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>The votes table on the PostgreSQL store, as <see cref="Sqlite.VoteStore"/> keeps it on SQLite: each vote stored before it is sent, marked sent once acknowledged.</summary>
internal sealed class PostgresVoteStore(NpgsqlDataSource dataSource) : IVoteStore
{
    public int Queue(IEnumerable<(Indicator Indicator, Verdict Verdict)> votes, DateTimeOffset now)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var added = connection.Execute(
            "INSERT INTO votes (type, value, verdict, queued_at) VALUES (@type, @value, @verdict, @at) ON CONFLICT DO NOTHING",
            votes.Select(v => new { type = v.Indicator.Type.ToName(), value = v.Indicator.Value, verdict = v.Verdict.ToName(), at = UnixMs.From(now) }),
            transaction);
        transaction.Commit();
        return added;
    }

    public StoredVote? Find(Indicator indicator, Verdict verdict) =>
        Load("WHERE type = @type AND value = @value AND verdict = @verdict", new { type = indicator.Type.ToName(), value = indicator.Value, verdict = verdict.ToName() })
            .FirstOrDefault();

    public IReadOnlyList<StoredVote> PendingVotes() => Load($"WHERE state = '{VoteStateNames.Pending}' ORDER BY id", null);

    public void MarkSent(long id, DateTimeOffset startedAt, int status)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            $"UPDATE votes SET state = '{VoteStateNames.Sent}', sent_at = @at, http_status = @status, last_error = NULL WHERE id = @id",
            new { id, at = UnixMs.From(startedAt), status });
    }

    public void MarkFailed(long id, int? status, string reason, bool permanent)
    {
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "UPDATE votes SET state = @state, http_status = @status, last_error = @reason WHERE id = @id",
            new { id, state = (permanent ? VoteState.Failed : VoteState.Pending).ToName(), status, reason });
    }

    public IReadOnlyList<(VoteState State, long Count)> CountsByState()
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<(string State, long Count)>("SELECT state, count(*) FROM votes GROUP BY state ORDER BY state")
            .Select(row => (VoteStateNames.Parse(row.State), row.Count))
            .AsList();
    }

    private List<StoredVote> Load(string where, object? parameters)
    {
        using var connection = dataSource.OpenConnection();
        return connection.Query<(long Id, string Type, string Value, string Verdict, string State, long? SentAt)>(
                $"SELECT id, type, value, verdict, state, sent_at FROM votes {where}", parameters)
            .Select(row => IndicatorTypeNames.TryParse(row.Type, out var type)
                ? new StoredVote(row.Id, new Indicator(type, row.Value), VerdictNames.Parse(row.Verdict), VoteStateNames.Parse(row.State), UnixMs.To(row.SentAt))
                : null)
            .OfType<StoredVote>()
            .AsList();
    }
}
