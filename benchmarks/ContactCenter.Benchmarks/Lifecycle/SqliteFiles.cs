using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Benchmarks.Lifecycle;

/// <summary>Reads the node's SQLite file from the side, and measures what SQLite alone manages on this disk.</summary>
public static class SqliteFiles
{
    /// <summary>Row count of every table in the file (journal, tags, snapshot, ...).</summary>
    public static SortedDictionary<string, long> CountRows(string file)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var connection = Open(file);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"")}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>The synchronous mode a fresh connection gets (what the journal runs with: it sets none).</summary>
    public static string DefaultSynchronous(string file)
    {
        using var connection = Open(file);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)command.ExecuteScalar()! switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", var n => n.ToString() };
    }

    public sealed record InsertRate(string Synchronous, int RowsPerTransaction, long Rows, long Transactions, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
        public double TransactionsPerSecond => Transactions / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Inserts ~200-byte rows (a journal-like shape) into a fresh WAL-mode file with one prepared statement,
    /// <paramref name="rowsPerTransaction"/> rows per transaction, until <paramref name="maxRows"/> or
    /// <paramref name="maxTime"/>.
    /// </summary>
    public static InsertRate MeasureInserts(string file, int rowsPerTransaction, string? synchronous, long maxRows, TimeSpan maxTime)
    {
        using var connection = Open(file);
        Execute(connection, "PRAGMA journal_mode=WAL");
        if (synchronous is not null) Execute(connection, $"PRAGMA synchronous={synchronous}");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS rows (
              ordering INTEGER PRIMARY KEY AUTOINCREMENT,
              persistence_id TEXT NOT NULL,
              sequence_nr INTEGER NOT NULL,
              created INTEGER NOT NULL,
              manifest TEXT NOT NULL,
              payload BLOB NOT NULL)
            """);
        var mode = synchronous ?? DefaultSynchronous(file);

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO rows (persistence_id, sequence_nr, created, manifest, payload) VALUES ($p, $s, $c, $m, $b)";
        var pid = insert.Parameters.Add("$p", SqliteType.Text);
        var seq = insert.Parameters.Add("$s", SqliteType.Integer);
        var created = insert.Parameters.Add("$c", SqliteType.Integer);
        insert.Parameters.AddWithValue("$m", "cc.call.offered-to-agent");
        var payload = insert.Parameters.Add("$b", SqliteType.Blob);
        var bytes = new byte[150];
        new Random(1).NextBytes(bytes);
        payload.Value = bytes;

        long rows = 0, transactions = 0;
        var clock = Stopwatch.StartNew();
        while (rows < maxRows && clock.Elapsed < maxTime)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = 0; i < rowsPerTransaction; i++, rows++)
            {
                pid.Value = $"call-bench-{rows / 4:D7}";
                seq.Value = rows % 4 + 1;
                created.Value = rows;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            transactions++;
        }
        return new InsertRate(mode, rowsPerTransaction, rows, transactions, clock.Elapsed);
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
