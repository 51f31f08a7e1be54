using Npgsql;

namespace ContactCenter.Actors.Hosting;

/// <summary>
/// Creates the journal and snapshot tables on PostgreSQL at first start: in the connection string's
/// <c>Search Path</c> schema when it names one (created too), else in <c>public</c>. Nodes that start together
/// serialize on an advisory lock, so exactly one creates and the others find the tables there.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Any fixed number shared by every node of the cluster.</summary>
    private const long CreationLock = 0x4343_4A4F_5552;

    /// <summary>How long a starting node waits for the database server (it may start after the nodes).</summary>
    private static readonly TimeSpan ServerWait = TimeSpan.FromSeconds(60);

    /// <summary>The layout Akka.Persistence.Sql 1.5.x expects with its default table mapping and Csv tags.</summary>
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS journal (
            ordering BIGSERIAL NOT NULL,
            created BIGINT NOT NULL,
            deleted BOOLEAN NOT NULL,
            persistence_id TEXT NOT NULL,
            sequence_number BIGINT NOT NULL,
            message BYTEA NOT NULL,
            tags TEXT NULL,
            manifest TEXT NULL,
            identifier INTEGER NULL,
            writer_uuid TEXT NULL,
            CONSTRAINT "PK_journal" PRIMARY KEY (ordering),
            CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number)
        );
        CREATE INDEX IF NOT EXISTS journal_created_idx ON journal (created);
        CREATE INDEX IF NOT EXISTS journal_sequence_number_idx ON journal (sequence_number);
        CREATE TABLE IF NOT EXISTS snapshot (
            persistence_id TEXT NOT NULL,
            sequence_number BIGINT NOT NULL,
            created BIGINT NOT NULL,
            snapshot BYTEA NULL,
            manifest TEXT NULL,
            serializer_id INTEGER NULL,
            CONSTRAINT "PK_snapshot" PRIMARY KEY (persistence_id, sequence_number)
        );
        CREATE INDEX IF NOT EXISTS snapshot_created_idx ON snapshot (created);
        CREATE INDEX IF NOT EXISTS snapshot_sequence_number_idx ON snapshot (sequence_number);
        """;

    /// <summary>Creates what is missing and returns the connection string to use.</summary>
    public static string Prepare(string connectionString)
    {
        var schema = SchemaOf(connectionString);
        var deadline = DateTime.UtcNow + ServerWait;
        while (true)
        {
            try
            {
                Create(connectionString, schema);
                return connectionString;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromSeconds(1)); // the server is not up yet: start-up waits, nothing else runs
            }
        }
    }

    /// <summary>The first schema of the connection string's search path, or null for the server's default.</summary>
    public static string? SchemaOf(string connectionString)
    {
        var path = new NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var first = path?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return string.IsNullOrEmpty(first) || first == "$user" ? null : first.Trim('"');
    }

    private static void Create(string connectionString, string? schema)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // DDL is transactional in PostgreSQL; the lock is released at commit.
        command.CommandText = $"SELECT pg_advisory_xact_lock({CreationLock});" +
                              (schema is null ? "" : $"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(schema)};") +
                              (schema is null ? "" : $"SET LOCAL search_path TO {QuoteIdentifier(schema)};") +
                              Tables;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
