using Akka.Hosting;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Actors.Hosting;

/// <summary>Akka.Persistence.Sql as journal, snapshot store and read journal, on SQLite or PostgreSQL.</summary>
public static class PersistenceSetup
{
    public static AkkaConfigurationBuilder WithContactCenterPersistence(this AkkaConfigurationBuilder builder, PersistenceSettings settings)
    {
        var (provider, connectionString, parallelism) = settings.Provider switch
        {
            PersistenceProvider.Sqlite => ("SQLite.MS", PrepareSqlite(settings.ConnectionString), 1),
            PersistenceProvider.PostgreSql => ("PostgreSQL15", PostgresSchema.Prepare(settings.ConnectionString), 3),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown persistence provider"),
        };
        var quoted = Quote(connectionString);
        // SQLite opens a transaction of any other level as BEGIN IMMEDIATE, which queues the read journal
        // behind every write; in WAL mode a plain BEGIN still reads a consistent snapshot.
        var readIsolation = settings.Provider == PersistenceProvider.Sqlite ? "read-uncommitted" : "unspecified";
        // On PostgreSQL the tables are ours (PostgresSchema, created under a lock so nodes may start together);
        // the plugin's own creation races when several nodes start at once.
        var autoInitialize = settings.Provider == PersistenceProvider.Sqlite ? "on" : "off";
        var hocon = $$"""
            akka.persistence {
              journal {
                plugin = "akka.persistence.journal.sql"
                sql {
                  connection-string = {{quoted}}
                  provider-name = "{{provider}}"
                  auto-initialize = {{autoInitialize}}
                  parallelism = {{parallelism}}
                  # Tags in a column of the event row: batched multi-row inserts instead of one insert per
                  # event for the tag table (about twice the lifecycles per second on SQLite, docs/benchmarks.md).
                  tag-write-mode = Csv
                }
              }
              snapshot-store {
                plugin = "akka.persistence.snapshot-store.sql"
                sql {
                  connection-string = {{quoted}}
                  provider-name = "{{provider}}"
                  auto-initialize = {{autoInitialize}}
                }
              }
              query.journal.sql {
                connection-string = {{quoted}}
                provider-name = "{{provider}}"
                refresh-interval = 10ms
                tag-read-mode = Csv
                read-isolation-level = {{readIsolation}}
                # Queries read up to the newest position known free of gaps; the default 1 s between
                # look-ups would delay every command on the adapter stream by up to a second.
                journal-sequence-retrieval.query-delay = 20ms
              }
            }
            """;
        return builder
            .AddHocon(hocon, HoconAddMode.Prepend)
            .AddHocon(SqlPersistence.DefaultConfiguration, HoconAddMode.Append);
    }

    /// <summary>
    /// Creates the database's folder and switches it to WAL, so readers (projections) never block the
    /// journal writer. WAL is a property of the file: setting it once is enough.
    /// </summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        var path = builder.DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        using var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        AddTagsColumnToOlderJournal(connection);
        return builder.ConnectionString;
    }

    /// <summary>
    /// A journal created before tags moved into the event row (tag-write-mode Csv) lacks the column; add it so
    /// the node can write. Events written before keep their tags in the old tag table only.
    /// </summary>
    private static void AddTagsColumnToOlderJournal(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('journal') WHERE name = 'tags';" +
                            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal';";
        using var reader = probe.ExecuteReader();
        reader.Read();
        var hasTags = reader.GetInt64(0) > 0;
        reader.NextResult();
        reader.Read();
        var hasJournal = reader.GetInt64(0) > 0;
        reader.Close();
        if (!hasJournal || hasTags) return;
        using var alter = connection.CreateCommand();
        alter.CommandText = "ALTER TABLE journal ADD COLUMN tags VARCHAR(2000) NULL;";
        alter.ExecuteNonQuery();
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
