using Dapper;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class PreparedStatementTests
{
    [Fact]
    public void Texts_are_stored_exactly_whatever_their_length_and_script_and_an_empty_text_is_not_null()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        db.Execute("CREATE TABLE t (n INTEGER, s TEXT)");
        string?[] texts = ["münchen.example", string.Empty, new string('x', 300) + "é", "短い", "a", null, new string('y', 5000)];

        using (var insert = new PreparedStatement(db, "INSERT INTO t (n, s) VALUES (?1, ?2)"))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                insert.Bind(1, i).BindNullable(2, texts[i]).Execute();
            }
        }

        db.Query<string?>("SELECT s FROM t ORDER BY n").ShouldBe(texts);
        db.ExecuteScalar<long>("SELECT count(*) FROM t WHERE s IS NULL").ShouldBe(1);
    }
}
