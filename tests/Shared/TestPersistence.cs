using System.Security.Cryptography;
using System.Text;
using ContactCenter.Actors.Hosting;
using Npgsql;

namespace ContactCenter.Testing;

/// <summary>
/// The database test nodes use: a SQLite file by default, PostgreSQL when the environment variable
/// CONTACTCENTER_TEST_POSTGRES holds a connection string. Tests name a database by a file path either way;
/// on PostgreSQL that path becomes a schema of its own, so nodes given the same path share a journal and no
/// two tests see each other's.
/// </summary>
public static class TestPersistence
{
    public const string Variable = "CONTACTCENTER_TEST_POSTGRES";

    public static string? PostgresConnectionString { get; } =
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool OnPostgres => PostgresConnectionString is not null;

    public static PersistenceSettings For(string databaseFile) => OnPostgres
        ? new PersistenceSettings { Provider = PersistenceProvider.PostgreSql, ConnectionString = SchemaConnectionString(databaseFile) }
        : Sqlite(databaseFile);

    /// <summary>The embedded database whatever the environment says: a node that must run on SQLite also in the PostgreSQL run.</summary>
    public static PersistenceSettings Sqlite(string databaseFile) =>
        new() { Provider = PersistenceProvider.Sqlite, ConnectionString = $"Data Source={databaseFile}" };

    /// <summary>The same settings as configuration keys (ContactCenter:Persistence:...), for hosts built from configuration.</summary>
    /// <param name="forceSqlite">SQLite even when <see cref="OnPostgres"/>.</param>
    public static IEnumerable<KeyValuePair<string, string>> AsConfiguration(string databaseFile, bool forceSqlite = false)
    {
        var settings = forceSqlite ? Sqlite(databaseFile) : For(databaseFile);
        yield return new("ContactCenter:Persistence:Provider", settings.Provider.ToString());
        yield return new("ContactCenter:Persistence:ConnectionString", settings.ConnectionString);
    }

    /// <summary>Removes the database: the files, or the schema with its tables.</summary>
    public static void Delete(string databaseFile)
    {
        if (!OnPostgres)
        {
            foreach (var f in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                try { File.Delete(f); } catch (IOException) { }
            }
            return;
        }
        var connectionString = SchemaConnectionString(databaseFile);
        using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"SET lock_timeout = '5s'; DROP SCHEMA IF EXISTS {PostgresSchema.QuoteIdentifier(SchemaName(databaseFile))} CASCADE";
        try
        {
            drop.ExecuteNonQuery();
        }
        catch (PostgresException)
        {
            // A straggling connection of a stopped node still holds a lock: the schema stays until the CI server goes.
        }
    }

    public static string SchemaName(string databaseFile)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(databaseFile)));
        return "test_" + Convert.ToHexStringLower(digest)[..24];
    }

    private static string SchemaConnectionString(string databaseFile) => new NpgsqlConnectionStringBuilder(PostgresConnectionString)
    {
        SearchPath = SchemaName(databaseFile),
        // Every test database is a pool of its own: let idle connections go soon, so hundreds of short-lived
        // nodes stay under the server's connection limit.
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 2,
        MaxPoolSize = 20,
    }.ConnectionString;
}
