using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContactCenter.Actors.Hosting;

/// <summary>
/// The journal's newest position, read with one query. A stream that starts "live" starts after it (it
/// delivers events whose position is greater), without reading the history to find the end.
/// </summary>
public sealed class JournalHead(ContactCenterSettings settings)
{
    private const string Query = "SELECT COALESCE(MAX(ordering), 0) FROM journal";

    public async Task<long> LatestAsync(CancellationToken ct = default)
    {
        var persistence = settings.Persistence;
        await using System.Data.Common.DbConnection connection = persistence.Provider == PersistenceProvider.Sqlite
            ? new SqliteConnection(persistence.ConnectionString)
            : new NpgsqlConnection(persistence.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L);
        }
        catch (System.Data.Common.DbException) when (!ct.IsCancellationRequested)
        {
            return 0; // no journal table yet: nothing has been written
        }
    }
}
